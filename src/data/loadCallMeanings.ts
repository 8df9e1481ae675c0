import text from '../../rules/traildiscover/events.json?raw';
import { readCallMeanings } from '../cloudtrail/callMeanings';
import type { CallMeanings } from '../cloudtrail/callMeanings';

/**
 * TrailDiscover's descriptions, read and checked. Only ever imported dynamically (useCallMeaning), so
 * the data and its reader make a chunk of their own, loaded when a view first asks.
 */
export function loadCallMeanings(): CallMeanings {
  return readCallMeanings(JSON.parse(text));
}
