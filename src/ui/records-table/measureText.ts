import { visibleString } from '../common/visibleText';

let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

/**
 * Width in px of `text` as a table cell draws it in CSS font `font` (escapes included, as
 * VisibleRuns shows them), measured on a canvas: no layout, so a screen of cells is cheap to fit.
 * 0 where there is no canvas (tests).
 */
export function measureText(font: string, text: string): number {
  const key = `${font}\u0000${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  if (context === null) return 0;
  context.font = font;
  const width = context.measureText(visibleString(text)).width;
  // Cell texts repeat (event names, regions): a bounded cache, emptied when full.
  if (cache.size > 20_000) cache.clear();
  cache.set(key, width);
  return width;
}

/** The fonts of the table's text: the body's, the monospace columns', and the header's. */
export interface TableFonts {
  readonly text: string;
  readonly mono: string;
  readonly head: string;
}

/** The table's fonts, read from its element's computed style (the CSS sizes, the theme's families). */
export function tableFonts(table: HTMLElement): TableFonts {
  const style = getComputedStyle(table);
  const family = style.fontFamily;
  const declared = style.getPropertyValue('--mono').trim();
  const mono = declared === '' ? 'monospace' : declared;
  return {
    text: `12.5px ${family}`,
    mono: `12px ${mono}`,
    head: `600 12.5px ${family}`,
  };
}
