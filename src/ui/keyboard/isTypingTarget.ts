/**
 * True when a key pressed on `target` belongs to a text field (input, textarea, select or
 * contenteditable): single-letter shortcuts such as `/`, `j`, `k` and `?` must not fire there.
 * Checkboxes and buttons are not text fields.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'file',
  'range',
]);

/** True when a modal dialog is open: page shortcuts stay quiet while it has the user's attention. */
export function modalOpen(): boolean {
  return document.querySelector('dialog[open], [role="dialog"][aria-modal="true"]') !== null;
}
