/**
 * `text` as a link target when it is an absolute http(s) URL, else undefined: a rule's references
 * are untrusted, and a `javascript:` or `data:` reference must stay text, never become an href.
 */
export function httpUrl(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The MITRE ATT&CK page of a technique id as attackTags gives it (`T1562.008`), else undefined. */
export function techniqueUrl(id: string): string | undefined {
  const m = /^T(\d{4})(?:\.(\d{3}))?$/.exec(id);
  if (m === null) return undefined;
  return `https://attack.mitre.org/techniques/T${m[1] ?? ''}/${m[2] === undefined ? '' : `${m[2]}/`}`;
}
