/**
 * What Cairn shows, instead of itself, when it is loaded inside a frame: a page that frames it could
 * lay a decoy over Clear data or Delete case and have the user click them (clickjacking). The
 * `frame-ancestors 'none'` header forbids framing where the host can send it (docs/deploy.md,
 * "Headers"); a meta-tag CSP cannot carry that directive, so this check covers hosts without headers.
 * The link opens the same address in its own tab, where the app runs.
 */
export function FramedRefusal() {
  return (
    <main className="framed-refusal">
      <h1>Cairn will not run inside a frame</h1>
      <p>
        Another page has embedded Cairn. To keep your evidence safe from clicks that page could
        trick you into, Cairn runs only in a tab of its own.
      </p>
      <p>
        <a href={window.location.href} target="_blank" rel="noopener noreferrer">
          Open Cairn in its own tab
        </a>
      </p>
    </main>
  );
}

/** True when this document is not the top-level one (an iframe, a frame or an object). */
export function isFramed(): boolean {
  return window.top !== window.self;
}
