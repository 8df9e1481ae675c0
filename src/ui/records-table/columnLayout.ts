/**
 * Every column id in display order: `preferred` first (a link's `cols`, then the user's dragged
 * order), ids it does not know dropped, ids it leaves out in their default place after them.
 * Event time stays first: the table reads as a timeline, and it is the column that never hides.
 */
export function orderColumns(
  all: readonly string[],
  ...preferred: readonly (readonly string[])[]
): string[] {
  const known = new Set(all);
  const out = new Set<string>(['eventTime']);
  for (const list of preferred) for (const id of list) if (known.has(id)) out.add(id);
  for (const id of all) out.add(id);
  return [...out];
}

/**
 * `order` with `id` moved to where `target` is: before it when moving left, after it when moving
 * right (so dropping on a neighbour swaps the two). Event time does not move, nor does anything
 * move before it. Returns `order` itself when nothing changes.
 */
export function moveColumn(
  order: readonly string[],
  id: string,
  target: string,
): readonly string[] {
  const from = order.indexOf(id);
  const to = order.indexOf(target);
  if (from < 0 || to < 0 || from === to || id === 'eventTime' || to === 0) return order;
  const out = order.filter((c) => c !== id);
  out.splice(to, 0, id);
  return out;
}

/**
 * Each visible column's width in px. Widths the user set are kept exactly; the others take their
 * default, grown in proportion (Event time excepted: its text has one length) to fill `available`
 * px when the defaults leave room, so a wide screen gives its width to the evidence.
 */
export function layoutWidths(
  ids: readonly string[],
  saved: Readonly<Record<string, number>>,
  defaults: (id: string) => number,
  available: number,
): Map<string, number> {
  const out = new Map<string, number>();
  let used = 0;
  let growable = 0;
  for (const id of ids) {
    const w = saved[id] ?? defaults(id);
    out.set(id, w);
    used += w;
    if (saved[id] === undefined && id !== 'eventTime') growable += w;
  }
  const spare = available - used;
  if (spare <= 0 || growable === 0) return out;
  for (const id of ids) {
    if (saved[id] !== undefined || id === 'eventTime') continue;
    const w = out.get(id) ?? 0;
    out.set(id, Math.floor(w + (spare * w) / growable));
  }
  return out;
}
