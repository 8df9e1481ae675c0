import { describe, expect, it } from 'vitest';
import { layoutWidths, moveColumn, orderColumns } from './columnLayout';

const ALL = ['eventTime', 'userName', 'eventName', 'resourceType', 'eventSource'];

describe('orderColumns', () => {
  it('puts the preferred ids first, drops unknown ones, keeps event time first and every id once', () => {
    expect(
      orderColumns(ALL, ['eventSource', 'nope', 'eventTime', 'userName'], ['eventName']),
    ).toEqual(['eventTime', 'eventSource', 'userName', 'eventName', 'resourceType']);
    expect(orderColumns(ALL)).toEqual(ALL);
  });
});

describe('moveColumn', () => {
  it('moves a column onto a neighbour in either direction', () => {
    expect(moveColumn(ALL, 'eventSource', 'userName')).toEqual([
      'eventTime',
      'eventSource',
      'userName',
      'eventName',
      'resourceType',
    ]);
    expect(moveColumn(ALL, 'userName', 'eventName')).toEqual([
      'eventTime',
      'eventName',
      'userName',
      'resourceType',
      'eventSource',
    ]);
  });

  it('never moves event time nor puts a column before it', () => {
    expect(moveColumn(ALL, 'eventTime', 'eventName')).toBe(ALL);
    expect(moveColumn(ALL, 'eventName', 'eventTime')).toBe(ALL);
    expect(moveColumn(ALL, 'gone', 'eventName')).toBe(ALL);
  });
});

describe('layoutWidths', () => {
  const defaults = (id: string) => (id === 'eventTime' ? 150 : 100);
  const ids = ['eventTime', 'userName', 'eventName'];

  it('gives spare width to the columns the user did not size, not to event time', () => {
    const w = layoutWidths(ids, { eventName: 120 }, defaults, 470);
    expect([...w]).toEqual([
      ['eventTime', 150],
      ['userName', 200],
      ['eventName', 120],
    ]);
  });

  it('keeps the defaults and the saved widths when there is no room to spare', () => {
    const w = layoutWidths(ids, { userName: 300 }, defaults, 400);
    expect([...w.values()]).toEqual([150, 300, 100]);
  });
});
