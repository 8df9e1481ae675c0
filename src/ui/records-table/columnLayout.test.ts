import { describe, expect, it } from 'vitest';
import { moveColumn, orderColumns } from './columnLayout';

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
