/**
 * The item a key moves the focus to in a menu of `count` items, from item `index`, or undefined
 * for a key that does not move it. ↓ and ↑ wrap around, Home and End go to the ends, as in the
 * WAI-ARIA menu button pattern: https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/
 */
export function menuFocusAfterKey(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key === 'ArrowDown') return (index + 1) % count;
  if (key === 'ArrowUp') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}
