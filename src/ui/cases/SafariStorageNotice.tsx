import { useState } from 'react';
import { isSafari } from './isSafari';
import './Cases.css';

const DISMISSED = 'cairn.safariNotice.dismissed';

function wasDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED) === '1';
  } catch {
    return false;
  }
}

/**
 * Safari's 7-day cap: WebKit deletes a site's IndexedDB after 7 days of browser use without a visit,
 * so a case kept only in Safari can vanish. Says so, once, until dismissed; `inline` shows it without
 * the dismiss button (inside the Cases dialog).
 * @see https://webkit.org/blog/10218/full-third-party-cookie-blocking-and-more/
 */
export function SafariStorageNotice(props: { readonly inline?: boolean }) {
  const [dismissed, setDismissed] = useState(wasDismissed);
  if (typeof navigator === 'undefined' || !isSafari(navigator.userAgent)) return null;
  if (props.inline !== true && dismissed) return null;
  return (
    <div
      className={props.inline === true ? 'cases-safari' : 'notice notice-warn cases-safari-banner'}
      role="note"
      data-testid="safari-notice"
    >
      <span>
        <strong>Safari deletes this site’s stored data after 7 days without a visit.</strong> Cases
        kept here can disappear: use “Export case bundle” to keep a copy of a case outside the
        browser.
      </span>
      {props.inline === true ? null : (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label="Dismiss the Safari storage notice"
          onClick={() => {
            try {
              localStorage.setItem(DISMISSED, '1');
            } catch {
              // Private mode: dismissed for this page only.
            }
            setDismissed(true);
          }}
        >
          ✕
        </button>
      )}
    </div>
  );
}
