/** One line of the help sheet: the keys, and what they do. */
export interface Shortcut {
  readonly keys: readonly string[];
  readonly action: string;
}

/** A titled group of shortcuts. */
export interface ShortcutGroup {
  readonly title: string;
  readonly shortcuts: readonly Shortcut[];
}

/**
 * Every keyboard shortcut the app has, as the help sheet (`?`) lists them. The single-letter ones
 * work whenever the focus is not in a text field and no dialog is open.
 */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['/'], action: 'Focus the query bar' },
      { keys: ['j'], action: 'Select the next event' },
      { keys: ['k'], action: 'Select the previous event' },
      { keys: ['b'], action: 'Bookmark the selected event (again: remove the bookmark)' },
      { keys: ['?'], action: 'Show this help' },
      { keys: ['Esc'], action: 'Close a dialog; focus returns where it was' },
    ],
  },
  {
    title: 'Event table (when it has the focus)',
    shortcuts: [
      { keys: ['↓', '↑'], action: 'Select the next / previous event' },
      { keys: ['PgDn', 'PgUp'], action: 'Move a screen down / up' },
      { keys: ['Home', 'End'], action: 'First / last event' },
      { keys: ['Enter'], action: 'Move the focus into the event detail' },
      { keys: ['Space'], action: 'Mark the event for comparison' },
      { keys: ['Ctrl+click'], action: 'Mark an event for comparison (⌘+click on a Mac)' },
    ],
  },
  {
    title: 'Event detail',
    shortcuts: [
      { keys: ['Esc'], action: 'Close the detail and return to the table' },
      { keys: ['Enter'], action: 'Add the typed tag (in the tag field)' },
      { keys: ['Ctrl+Enter'], action: 'Save the note (it also saves when you leave the field)' },
    ],
  },
  {
    title: 'Query bar',
    shortcuts: [
      { keys: ['Enter'], action: 'Apply the query (the focus stays in the bar)' },
      { keys: ['↓', '↑'], action: 'Move through the suggestions' },
      {
        keys: ['↓'],
        action:
          'In an empty or just-focused box: the recent queries of this case (Enter applies the one picked)',
      },
      { keys: ['Tab'], action: 'Accept the suggestion' },
      {
        keys: ['saved:name'],
        action: 'In a query: stands for the saved query of that name (Save query… beside the box)',
      },
      { keys: ['Esc'], action: 'Close the suggestions, then undo the edit' },
    ],
  },
];
