/** Compile-time exhaustiveness check for discriminated unions; throws if reached at run time. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
