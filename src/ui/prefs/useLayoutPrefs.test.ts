import { describe, expect, it } from 'vitest';
import { parseLayoutPrefs } from './useLayoutPrefs';

describe('parseLayoutPrefs', () => {
  it('reads back the widths it stored', () => {
    expect(parseLayoutPrefs(JSON.stringify({ detailWidth: 480, sidebarWidth: 300.4 }))).toEqual({
      detailWidth: 480,
      sidebarWidth: 300,
    });
  });

  it('turns anything else into the defaults, without throwing', () => {
    const none = { detailWidth: undefined, sidebarWidth: undefined };
    for (const raw of [
      null,
      '',
      'not json',
      '[]',
      'null',
      '{"detailWidth":"480"}',
      '{"detailWidth":-5,"sidebarWidth":1e9}',
      '{"detailWidth":null,"sidebarWidth":true}',
    ])
      expect(parseLayoutPrefs(raw), String(raw)).toEqual(none);
  });
});
