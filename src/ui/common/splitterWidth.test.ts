import { describe, expect, it } from 'vitest';
import { clampWidth, dragWidth, keyWidth } from './splitterWidth';

const bounds = { min: 200, max: 600 };

describe('splitter widths', () => {
  it('a drag to the right widens a sidebar (end edge) and narrows a right-hand pane (start edge)', () => {
    expect(dragWidth(300, 50, 'end', bounds)).toBe(350);
    expect(dragWidth(300, 50, 'start', bounds)).toBe(250);
  });

  it('never leaves the bounds, and the minimum wins when the window is too small for both', () => {
    expect(dragWidth(300, -500, 'end', bounds)).toBe(200);
    expect(dragWidth(300, -500, 'start', bounds)).toBe(600);
    expect(clampWidth(250, { min: 300, max: 100 })).toBe(300);
  });

  it('arrow keys move the splitter by 16 px (64 with Shift); Home and End give the bounds', () => {
    expect(keyWidth('ArrowLeft', false, 400, 'start', bounds)).toBe(416);
    expect(keyWidth('ArrowRight', false, 400, 'start', bounds)).toBe(384);
    expect(keyWidth('ArrowRight', true, 400, 'end', bounds)).toBe(464);
    expect(keyWidth('Home', false, 400, 'end', bounds)).toBe(200);
    expect(keyWidth('End', false, 400, 'start', bounds)).toBe(600);
    expect(keyWidth('Enter', false, 400, 'end', bounds)).toBeUndefined();
  });
});
