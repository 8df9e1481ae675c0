const sig3 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const sig2 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

/** `ApiCallRateInsight` → `API call rate`; unknown types are shown as written. */
export function insightTypeLabel(insightType: string): string {
  if (insightType === 'ApiCallRateInsight') return 'API call rate';
  if (insightType === 'ApiErrorRateInsight') return 'API error rate';
  return insightType;
}

/** What an insight's averages count: errors for error-rate insights, calls otherwise. */
export function rateUnit(insightType: string): 'errors' | 'calls' {
  return insightType === 'ApiErrorRateInsight' ? 'errors' : 'calls';
}

/** An attribution's attribute as a heading: `userIdentityArn` → `User identity ARN`. */
export function attributeLabel(attribute: string): string {
  switch (attribute) {
    case 'userIdentityArn':
      return 'User identity ARN';
    case 'userAgent':
      return 'User agent';
    case 'errorCode':
      return 'Error code';
    case 'resourceArn':
      return 'Resource ARN';
    default:
      return attribute;
  }
}

/** A per-minute rate with 3 significant digits: `1.6`, `0.000493`, `1,230`; '—' when unknown. */
export function formatRate(perMinute: number | undefined): string {
  return perMinute === undefined ? '—' : sig3.format(perMinute);
}

/**
 * A slow per-minute rate in a unit a person can picture: `≈30 an hour`, `≈0.7 a day` is shown as
 * `≈5 a week`. Empty for rates of 0.1 a minute or more, which read well as they are.
 */
export function rateHint(perMinute: number | undefined): string {
  if (perMinute === undefined || perMinute <= 0 || perMinute >= 0.1) return '';
  if (perMinute * 60 >= 1) return `≈${sig2.format(perMinute * 60)} an hour`;
  if (perMinute * 1440 >= 1) return `≈${sig2.format(perMinute * 1440)} a day`;
  return `≈${sig2.format(perMinute * 10080)} a week`;
}

/** How many times the baseline the insight's rate is: `×3,250`; '' when either is unknown or 0. */
export function formatRatio(insight: number | undefined, baseline: number | undefined): string {
  if (insight === undefined || baseline === undefined || baseline <= 0) return '';
  return `×${sig3.format(insight / baseline)}`;
}

/** Minutes as days, hours and minutes: `5 min`, `1 h 5 min`, `7 d 1 h`; '—' when unknown. */
export function formatMinutes(minutes: number | undefined): string {
  if (minutes === undefined || !Number.isFinite(minutes) || minutes < 0) return '—';
  const total = Math.round(minutes);
  if (total === 0) return minutes === 0 ? '0 min' : '< 1 min';
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  return [d > 0 ? `${d} d` : '', h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : '']
    .filter((s) => s !== '')
    .join(' ');
}
