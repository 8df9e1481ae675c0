/** Colours and font the heat map paints with, resolved from CSS so the legend and map agree. */
export interface CoveragePalette {
  readonly background: string;
  /** A cell with no event, file or digest. */
  readonly empty: string;
  /** A cell with files or digests but no event. */
  readonly quiet: string;
  /** Event intensity, from few to most, in SHADES steps. */
  readonly shades: readonly string[];
  readonly digest: string;
  readonly uncovered: string;
  readonly problem: string;
  readonly gap: string;
  readonly tampering: string;
  readonly tamperingEdge: string;
  readonly text: string;
  readonly muted: string;
  readonly line: string;
  readonly font: string;
  readonly mono: string;
}

/** Event intensity steps. */
export const SHADES = 12;

/**
 * Reads the `--coverage-*` custom properties (Coverage.css) from `el`: a canvas cannot use CSS
 * variables, so the map re-reads them before drawing.
 */
export function readCoveragePalette(el: Element): CoveragePalette {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => {
    const v = style.getPropertyValue(name).trim();
    return v === '' ? fallback : v;
  };
  const events = hexRgb(read('--coverage-events', '#0969da')) ?? [9, 105, 218];
  return {
    background: read('--coverage-background', '#ffffff'),
    empty: read('--coverage-empty', '#f3f5f7'),
    quiet: read('--coverage-quiet', '#dde2e7'),
    shades: Array.from({ length: SHADES }, (_, i) => {
      const alpha = 0.16 + (0.84 * (i + 1)) / SHADES;
      return `rgba(${events.join(', ')}, ${alpha.toFixed(3)})`;
    }),
    digest: read('--coverage-digest', '#1a7f37'),
    uncovered: read('--coverage-uncovered', '#bc4c00'),
    problem: read('--coverage-problem', '#cf222e'),
    gap: read('--coverage-gap', '#cf222e'),
    tampering: read('--coverage-tampering', '#ffd33d'),
    tamperingEdge: read('--coverage-tampering-edge', '#1b1f24'),
    text: read('--coverage-text', '#1b1f24'),
    muted: read('--coverage-muted', '#57606a'),
    line: read('--coverage-line', '#afb8c1'),
    font: style.fontFamily === '' ? 'system-ui, sans-serif' : style.fontFamily,
    mono: read('--mono', 'ui-monospace, monospace'),
  };
}

function hexRgb(hex: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) return undefined;
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}
