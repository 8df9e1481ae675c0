/**
 * Says why nothing will work when the page is not a secure context (plain http from an address
 * other than localhost): browsers then withhold `crypto.subtle` (file hashes, digest signatures) and
 * service workers (offline use). Nothing is shown on https or localhost.
 * @see https://developer.mozilla.org/en-US/docs/Web/Security/Secure_Contexts
 */
export function InsecureContextNotice() {
  if (typeof window === 'undefined' || window.isSecureContext) return null;
  return (
    <p className="notice notice-error" role="alert" data-testid="insecure-context">
      This page was opened over plain http from {window.location.host}, so the browser withholds the
      cryptography Cairn uses to hash files and check digest signatures, and offline use. Serve it
      over https, or open it as http://localhost.
    </p>
  );
}
