/**
 * Moves the keyboard focus between the screen's main areas. The areas are found by their data
 * attributes (set by EventTable and DetailPane) so that components need not pass refs around.
 * Each returns false when the area is not on screen.
 */
export function focusEventTable(): boolean {
  return focusFirst('[data-focus-area="event-table"]');
}

/** Focuses the detail pane of the selected event (see focusEventTable). */
export function focusEventDetail(): boolean {
  return focusFirst('[data-focus-area="event-detail"]');
}

function focusFirst(selector: string): boolean {
  const el = document.querySelector<HTMLElement>(selector);
  if (el === null) return false;
  el.focus();
  return true;
}
