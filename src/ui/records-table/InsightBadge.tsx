import './InsightBadge.css';

/**
 * Marks a CloudTrail Insights record in the Event name column: its name is the API the insight is
 * about, so without the mark it would read like a call to that API.
 */
export function InsightBadge() {
  return (
    <span
      className="badge badge-insight"
      title="CloudTrail Insights event: an unusual call or error rate on this API (see the detail)"
    >
      Insight
    </span>
  );
}
