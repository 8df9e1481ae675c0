/** Where Cairn before trusted keys kept public keys and signatures, shared by every case. */
const LEGACY_KEY = 'cairn.validation.v1';

/**
 * Deletes the key lists and signatures an older Cairn kept in localStorage for every case: keys are
 * now trusted per case, by the user's explicit import, and a list shared across cases (often one
 * dropped with some evidence and never chosen) must not linger. Never throws.
 */
export function forgetLegacyKeys(): void {
  try {
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    // Storage unavailable (private mode, blocked): there is nothing to forget.
  }
}
