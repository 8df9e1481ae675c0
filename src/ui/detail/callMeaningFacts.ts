import type { AttackRef, CallMeaning } from '../../cloudtrail/callMeanings';

/** What the "What this call means" section shows of one description, as plain strings. */
export type CallMeaningFacts = {
  /** "Defense Evasion, Impact": the tactics' names, for the collapsed line. */
  readonly tacticsLine: string;
  /** "T1562.008 Impair Defenses: …" one a line, for the open section. */
  readonly techniques: readonly string[];
  /** Said when the description is of the same eventName from another eventSource. */
  readonly sourceNote: string | undefined;
  /** "2 incidents": how often the call was seen in real attacks, or '' for none. */
  readonly incidentsLine: string;
  /** The credit CC BY 4.0 asks for, and where it links: the event's page on traildiscover.cloud. */
  readonly credit: { readonly text: string; readonly href: string };
};

const label = (r: AttackRef) => `${r.id} ${r.name}`;

/** The section's text for `meaning`, looked up for an event of `eventSource`. */
export function callMeaningFacts(meaning: CallMeaning, eventSource: string): CallMeaningFacts {
  const n = meaning.incidents.length;
  return {
    tacticsLine: meaning.tactics.map((t) => t.name).join(', '),
    techniques: meaning.techniques.map(label),
    sourceNote:
      meaning.eventSource === eventSource
        ? undefined
        : `Described for ${meaning.eventSource}, not ${eventSource === '' ? 'this source' : eventSource}.`,
    incidentsLine: n === 0 ? '' : `${n} ${n === 1 ? 'incident' : 'incidents'}`,
    credit: {
      text: 'From TrailDiscover (CC BY 4.0)',
      href: meaning.page,
    },
  };
}
