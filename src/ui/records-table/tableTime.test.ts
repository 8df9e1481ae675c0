import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROW_FLAG } from '../../data/types';
import { INVALID_TIME, tableTime } from './tableTime';

// Paris: UTC+01:00 in winter, UTC+02:00 in summer. Node re-reads TZ when it is assigned.
const saved = process.env['TZ'];
beforeAll(() => {
  process.env['TZ'] = 'Europe/Paris';
});
afterAll(() => {
  if (saved === undefined) delete process.env['TZ'];
  else process.env['TZ'] = saved;
});

const JANUARY = Date.UTC(2024, 0, 15, 12);
const JULY = Date.UTC(2024, 6, 15, 12);

describe('tableTime', () => {
  it("shows a local time's own offset when daylight saving makes it differ from now's", () => {
    expect(tableTime(JANUARY, 0, 'local', JULY)).toEqual({
      text: '2024-01-15 13:00:00',
      offset: '+01:00',
      invalid: false,
    });
    expect(tableTime(JULY, 0, 'local', JULY)).toEqual({
      text: '2024-07-15 14:00:00',
      invalid: false,
    });
    expect(tableTime(JULY, 0, 'local', JANUARY).offset).toBe('+02:00');
    expect(tableTime(JANUARY, 0, 'utc', JULY)).toEqual({
      text: '2024-01-15 12:00:00',
      invalid: false,
    });
  });

  it('shows a flagged row as an invalid time, never as 1970', () => {
    expect(tableTime(0, ROW_FLAG.invalidTime, 'utc', JULY)).toEqual({
      text: INVALID_TIME,
      invalid: true,
    });
    expect(tableTime(0, ROW_FLAG.invalidTime | ROW_FLAG.noEventId, 'local', JULY).text).toBe(
      'invalid time',
    );
  });
});
