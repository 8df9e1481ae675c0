/** A plain JSON object, as JSON.parse produces it. */
export type JsonObject = { readonly [key: string]: unknown };

/** True for a non-null, non-array object: the shape every CloudTrail record and envelope has. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when it is a string, else undefined. Never throws on untrusted input. */
export function stringAt(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return typeof v === 'string' ? v : undefined;
}

/** `value[key]` when it is an object, else undefined. */
export function objectAt(value: unknown, key: string): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return isObject(v) ? v : undefined;
}
