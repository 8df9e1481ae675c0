/**
 * The thin bar under the ingest and replay status lines. `fraction` is 0–1. The fill is scaled, not
 * sized (a new width re-lays out the page), and not animated (app.css).
 */
export function ProgressBar(props: { readonly fraction: number; readonly label?: string }) {
  const { fraction } = props;
  return (
    <div
      className="progress"
      role="progressbar"
      {...(props.label === undefined ? {} : { 'aria-label': props.label })}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(fraction * 100)}
    >
      <div className="progress-fill" style={{ transform: `scaleX(${fraction.toFixed(3)})` }} />
    </div>
  );
}
