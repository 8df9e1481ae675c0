import { describe, expect, it } from 'vitest';
import { alignStart, binCount, chooseStep, NICE_STEPS } from './binEdges';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const W = 7 * D;

describe('chooseStep', () => {
  it('picks the smallest nice step that fits the span in maxBins bins', () => {
    expect(chooseStep(60 * S)).toBe(S);
    expect(chooseStep(120 * S)).toBe(S);
    expect(chooseStep(121 * S)).toBe(5 * S);
    expect(chooseStep(2 * H)).toBe(M);
    expect(chooseStep(2 * H + 1)).toBe(5 * M);
    expect(chooseStep(10 * H)).toBe(5 * M);
    expect(chooseStep(24 * H)).toBe(15 * M);
    expect(chooseStep(3 * D)).toBe(H);
    expect(chooseStep(30 * D)).toBe(6 * H);
    expect(chooseStep(90 * D)).toBe(D);
    expect(chooseStep(365 * D)).toBe(W);
  });

  it('honours a custom maxBins', () => {
    expect(chooseStep(H, 60)).toBe(M);
    expect(chooseStep(H, 59)).toBe(5 * M);
    expect(chooseStep(H, 1)).toBe(H);
    expect(chooseStep(D, 10)).toBe(3 * H);
  });

  it('only returns steps from the nice list up to its end', () => {
    for (let span = 1; span < 20 * 364 * D; span *= 1.7) {
      const step = chooseStep(span);
      expect(NICE_STEPS).toContain(step);
      expect(Math.ceil(span / step)).toBeLessThanOrEqual(120);
    }
  });

  it('uses whole multiples of the largest step for very long spans', () => {
    const year = 364 * D;
    const step = chooseStep(500 * year);
    expect(step % year).toBe(0);
    expect(Math.ceil((500 * year) / step)).toBeLessThanOrEqual(120);
    expect(Math.ceil((500 * year) / (step - year))).toBeGreaterThan(120);
  });

  it('falls back to the smallest step for degenerate input', () => {
    expect(chooseStep(0)).toBe(S);
    expect(chooseStep(-5)).toBe(S);
    expect(chooseStep(Number.NaN)).toBe(S);
    expect(chooseStep(Number.POSITIVE_INFINITY)).toBe(S);
    expect(chooseStep(H, 0)).toBe(H);
    expect(chooseStep(H, Number.POSITIVE_INFINITY)).toBe(S);
  });
});

describe('alignStart', () => {
  const t = Date.UTC(2024, 2, 14, 13, 47, 29, 512); // a Thursday

  it('floors to the step in UTC', () => {
    expect(alignStart(t, S)).toBe(Date.UTC(2024, 2, 14, 13, 47, 29));
    expect(alignStart(t, 15 * S)).toBe(Date.UTC(2024, 2, 14, 13, 47, 15));
    expect(alignStart(t, 5 * M)).toBe(Date.UTC(2024, 2, 14, 13, 45));
    expect(alignStart(t, 3 * H)).toBe(Date.UTC(2024, 2, 14, 12));
    expect(alignStart(t, D)).toBe(Date.UTC(2024, 2, 14));
  });

  it('starts week bins on a Monday', () => {
    const monday = Date.UTC(2024, 2, 11);
    expect(new Date(monday).getUTCDay()).toBe(1);
    expect(alignStart(t, W)).toBe(monday);
    expect(alignStart(monday, W)).toBe(monday);
    expect(alignStart(monday - 1, W)).toBe(monday - W);
  });

  it('leaves aligned times alone and handles times before 1970', () => {
    expect(alignStart(Date.UTC(2024, 0, 1), H)).toBe(Date.UTC(2024, 0, 1));
    expect(alignStart(0, D)).toBe(0);
    expect(alignStart(-1, D)).toBe(-D);
    expect(alignStart(Date.UTC(1969, 11, 31, 5, 30), H)).toBe(Date.UTC(1969, 11, 31, 5));
  });

  it('rejects a bad step', () => {
    expect(() => alignStart(t, 0)).toThrow(RangeError);
    expect(() => alignStart(t, -M)).toThrow(RangeError);
    expect(() => alignStart(t, Number.NaN)).toThrow(RangeError);
  });
});

describe('binCount', () => {
  it('counts the bins covering both ends of a range', () => {
    const start = Date.UTC(2024, 0, 1);
    expect(binCount(start, start, M)).toBe(1);
    expect(binCount(start, start + M - 1, M)).toBe(1);
    expect(binCount(start, start + M, M)).toBe(2);
    expect(binCount(start + 30 * S, start + 2 * M + 30 * S, M)).toBe(3);
    expect(binCount(start + M, start, M)).toBe(0);
  });

  it('is at most one more than chooseStep promised', () => {
    const from = Date.UTC(2024, 0, 1, 0, 0, 30);
    const span = 2 * H;
    expect(binCount(from, from + span, chooseStep(span))).toBe(121);
  });
});
