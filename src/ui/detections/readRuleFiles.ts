import { MAX_RULE_BYTES } from '../../sigma/readSigmaRule';

/** A picked rule file: its text to add, or why it was refused before being sent to the engine. */
export type PickedRuleFile =
  | { readonly ok: true; readonly name: string; readonly text: string }
  | { readonly ok: false; readonly name: string; readonly message: string };

/** What readRuleFiles needs of a File (the DOM's File; a stand-in in tests). */
export interface RuleFileSource {
  readonly name: string;
  /** Size in bytes. */
  readonly size: number;
  text(): Promise<string>;
}

/**
 * Reads picked `.yml` files as text in the page. A file over MAX_RULE_BYTES (256 KB, the engine's
 * own limit) is refused by its size before it is read, so a mistaken multi-GB pick costs nothing.
 * A file that cannot be read (gone since the pick) is refused with the browser's reason.
 */
export async function readRuleFiles(
  files: readonly RuleFileSource[],
): Promise<readonly PickedRuleFile[]> {
  return Promise.all(
    files.map(async (f): Promise<PickedRuleFile> => {
      if (f.size > MAX_RULE_BYTES)
        return {
          ok: false,
          name: f.name,
          message: `the file is ${formatKb(f.size)}: a rule file is at most ${formatKb(MAX_RULE_BYTES)}`,
        };
      try {
        return { ok: true, name: f.name, text: await f.text() };
      } catch (e) {
        return { ok: false, name: f.name, message: `could not be read (${String(e)})` };
      }
    }),
  );
}

const formatKb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
