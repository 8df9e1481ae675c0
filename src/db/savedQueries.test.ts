import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, mergeSaved, pushHistory, readSavedQueries } from './savedQueries';

describe('query history', () => {
  it('puts the applied query first, once, and keeps the last 50', () => {
    let history: readonly string[] = [];
    for (const q of ['a:1', 'b:2', 'c:3', ' b:2 ', '', '   ']) history = pushHistory(history, q);
    expect(history).toEqual(['b:2', 'c:3', 'a:1']);
    for (let i = 0; i < 60; i++) history = pushHistory(history, `n:${i}`);
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]).toBe('n:59');
    expect(history[HISTORY_LIMIT - 1]).toBe('n:10');
  });
});

describe('saved queries from a bundle', () => {
  const mine = [{ name: 'Logins', q: 'eventName:ConsoleLogin', savedAt: 1 }];
  it('skips a query the case has, keeps a clashing one beside it as "(imported)"', () => {
    const out = mergeSaved(mine, [
      { name: 'logins', q: 'eventName:ConsoleLogin', savedAt: 2 },
      { name: 'LOGINS', q: 'eventName:ConsoleLogin errorCode:*', savedAt: 3 },
      { name: 'Logins', q: 'userName:root', savedAt: 4 },
      { name: 'root', q: 'userName:root', savedAt: 5 },
    ]);
    expect(out.saved.map((s) => [s.name, s.q])).toEqual([
      ['Logins', 'eventName:ConsoleLogin'],
      ['LOGINS (imported)', 'eventName:ConsoleLogin errorCode:*'],
      ['Logins (imported 2)', 'userName:root'],
      ['root', 'userName:root'],
    ]);
    expect([out.added, out.renamed]).toEqual([3, 2]);
  });

  it('reads only well-formed entries of untrusted JSON', () => {
    const read = readSavedQueries(
      [
        { name: ' ok ', q: 'userName:a', savedAt: 5 },
        { name: 'OK', q: 'userName:b' },
        { name: '', q: 'x' },
        { name: 'bell\u0007', q: 'x' },
        { name: 'n', q: 7 },
        'text',
        { name: 'late', q: 'userName:c', savedAt: 'yesterday' },
      ],
      99,
    );
    expect(read).toEqual([
      { name: 'ok', q: 'userName:a', savedAt: 5 },
      { name: 'late', q: 'userName:c', savedAt: 99 },
    ]);
    expect(readSavedQueries({ name: 'x', q: 'y' }, 0)).toEqual([]);
  });
});
