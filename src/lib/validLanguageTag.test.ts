import { describe, expect, it } from 'vitest';
import { validLanguageTag } from './validLanguageTag';

describe('validLanguageTag', () => {
  it('keeps a valid tag, canonicalised', () => {
    expect(validLanguageTag('en-US')).toBe('en-US');
    expect(validLanguageTag('fr')).toBe('fr');
    expect(validLanguageTag('EN-gb')).toBe('en-GB');
  });

  it('salvages a POSIX locale name, as WebKitGTK reports it', () => {
    expect(validLanguageTag('en-US@posix')).toBe('en-US');
    expect(validLanguageTag('en_GB.UTF-8')).toBe('en-GB');
    expect(validLanguageTag('de_DE@euro')).toBe('de-DE');
  });

  it('gives the fallback for what names no language, where Intl would throw', () => {
    for (const tag of ['C', 'C.UTF-8', '', '*']) {
      expect(() => new Intl.NumberFormat(tag)).toThrow(RangeError);
      expect(validLanguageTag(tag)).toBe('en-US');
    }
    expect(validLanguageTag('C', 'fr')).toBe('fr');
  });

  it('always returns a tag Intl accepts', () => {
    for (const tag of ['C', 'en-US@posix', 'xx_YY.ISO-8859-1', 'en-US', '\u0000']) {
      expect(() => new Intl.NumberFormat(validLanguageTag(tag))).not.toThrow();
    }
  });
});
