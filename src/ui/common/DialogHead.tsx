import type { ReactNode, Ref } from 'react';
import './modalDialog.css';

/**
 * The title bar of a modal dialog: its heading, anything the dialog shows beside it (`children`),
 * and the ✕ button that closes it, pushed to the right end (modalDialog.css). The button has no
 * visible text, so `closeLabel` is its accessible name; Escape is the dialog's own business.
 */
export function DialogHead(props: {
  readonly heading: string;
  /** For a dialog named by `aria-labelledby` rather than its own `aria-label`. */
  readonly headingId?: string;
  readonly closeLabel: string;
  /** Tooltip of the close button, when it should mention a shortcut. */
  readonly closeTitle?: string;
  readonly onClose: () => void;
  /** Extra class for a dialog whose title bar differs in spacing or colour. */
  readonly className?: string;
  /** The close button, for a dialog that must move the focus to it. */
  readonly closeRef?: Ref<HTMLButtonElement>;
  readonly children?: ReactNode;
}) {
  // Destructured: the React Compiler reads `props.closeRef` as a ref access during render.
  const { heading, headingId, closeLabel, closeTitle, onClose, className, closeRef, children } =
    props;
  return (
    <header className={className === undefined ? 'modal-head' : `modal-head ${className}`}>
      <h2 id={headingId}>{heading}</h2>
      {children}
      <button
        ref={closeRef}
        type="button"
        className="btn btn-ghost modal-close"
        aria-label={closeLabel}
        title={closeTitle}
        onClick={onClose}
      >
        ✕
      </button>
    </header>
  );
}
