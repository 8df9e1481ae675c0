import { TRAIL_TAMPERING_EVENT_NAMES } from '../../cloudtrail/trailTampering';

/**
 * What every colour and mark of the map means, in plain words. The swatches are drawn by CSS from
 * the same `--coverage-*` colours the canvas reads.
 */
export function CoverageLegend(props: { readonly hasDigests: boolean }) {
  return (
    <ul className="coverage-legend" aria-label="Legend">
      <li>
        <span className="coverage-swatch coverage-swatch-events" aria-hidden="true" />
        Events (darker: more)
      </li>
      <li>
        <span className="coverage-swatch coverage-swatch-quiet" aria-hidden="true" />
        Files or digests, no events
      </li>
      {props.hasDigests ? (
        <>
          <li>
            <span className="coverage-swatch coverage-swatch-covered" aria-hidden="true" />
            Green base: a digest window covers this time
          </li>
          <li>
            <span className="coverage-swatch coverage-swatch-uncovered" aria-hidden="true" />
            Orange top: log files listed in no digest
          </li>
          <li>
            <span className="coverage-swatch coverage-swatch-problem" aria-hidden="true" />
            Red frame: listed log files missing or modified, or a digest not valid
          </li>
          <li>
            <span className="coverage-swatch coverage-swatch-gap" aria-hidden="true" />
            Red hatching: gap in the digest chain (no digest covers it)
          </li>
        </>
      ) : null}
      <li>
        <span className="coverage-swatch coverage-swatch-tampering" aria-hidden="true" />
        Diamond: trail tampering ({TRAIL_TAMPERING_EVENT_NAMES.join(', ')})
      </li>
    </ul>
  );
}
