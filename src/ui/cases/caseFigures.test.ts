import { describe, expect, it } from 'vitest';
import { caseFigures } from './caseFigures';

const summary = {
  eventCount: 2900,
  storedBytes: 420_864,
  minTime: Date.UTC(2023, 6, 10, 11, 42, 7),
  maxTime: Date.UTC(2023, 6, 10, 12, 37, 59),
  logFiles: 55,
  digestFiles: 1,
  accounts: 1,
  regions: 3,
  takenAt: 0,
};

describe('caseFigures', () => {
  it('prints events, size, span to the minute and sources', () => {
    expect(caseFigures(summary, 'utc')).toEqual({
      events: '2,900',
      size: '411 KB',
      span: '2023-07-10 11:42 → 2023-07-10 12:37',
      zone: 'UTC',
      files: '55 log files · 1 digest',
      origins: '1 account · 3 Regions',
    });
  });

  it('shows a case never summed up as empty', () => {
    expect(caseFigures(undefined, 'utc')).toMatchObject({
      events: '0',
      size: '0 B',
      span: undefined,
      files: 'No files',
      origins: '',
    });
  });
});
