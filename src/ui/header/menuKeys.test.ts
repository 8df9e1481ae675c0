import { describe, expect, it } from 'vitest';
import { menuFocusAfterKey } from './menuKeys';

describe('menuFocusAfterKey', () => {
  it('moves down and up, wrapping at both ends', () => {
    expect(menuFocusAfterKey('ArrowDown', 0, 3)).toBe(1);
    expect(menuFocusAfterKey('ArrowDown', 2, 3)).toBe(0);
    expect(menuFocusAfterKey('ArrowUp', 0, 3)).toBe(2);
    expect(menuFocusAfterKey('ArrowUp', 2, 3)).toBe(1);
  });

  it('Home and End go to the ends; other keys and an empty menu move nothing', () => {
    expect(menuFocusAfterKey('Home', 2, 3)).toBe(0);
    expect(menuFocusAfterKey('End', 0, 3)).toBe(2);
    expect(menuFocusAfterKey('a', 0, 3)).toBeUndefined();
    expect(menuFocusAfterKey('ArrowDown', 0, 0)).toBeUndefined();
  });
});
