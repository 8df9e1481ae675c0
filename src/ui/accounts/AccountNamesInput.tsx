import { useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { LogText } from '../common/LogText';
import { useTransientMessage } from '../common/useTransientMessage';
import { parseAccountNames } from './parseAccountNames';
import { addAccountNames } from './useAccountNames';
import type { MergeResult } from './useAccountNames';

/** Account lists are a few KB even for large organisations; anything bigger is the wrong file. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

const PLACEHOLDER = [
  'Paste `aws organizations list-accounts` output:',
  '{"Accounts": [{"Id": "123456789012", "Name": "prod"}, …]}',
  '',
  'or one account per line:',
  '123456789012 prod',
  '210987654321, staging',
].join('\n');

/** What the last "Add names" or "Open file…" did. */
interface Outcome {
  readonly summary: string;
  readonly errors: readonly string[];
}

/** The paste box, "Add names" and "Open file…", with what the last addition did. */
export function AccountNamesInput() {
  const [text, setText] = useState('');
  // What the last addition did, until an action outside this form (fixing the text keeps it).
  const { message: outcome, show: setOutcome, keepRef } = useTransientMessage<Outcome>();
  const file = useRef<HTMLInputElement>(null);

  const add = (input: string, source: string): boolean => {
    const parsed = parseAccountNames(input);
    const merged = addAccountNames(parsed.names);
    setOutcome({ summary: describe(merged, source), errors: parsed.errors });
    return parsed.errors.length === 0;
  };
  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const picked = input.files?.[0];
    // Cleared so that picking the same file again (after editing it) reads it again.
    input.value = '';
    if (picked === undefined) return;
    if (picked.size > MAX_FILE_BYTES) {
      setOutcome({ summary: `${picked.name} was not read.`, errors: ['The file is over 5 MB.'] });
      return;
    }
    try {
      add(await picked.text(), ` from ${picked.name}`);
    } catch {
      setOutcome({ summary: `${picked.name} could not be read.`, errors: [] });
    }
  };

  return (
    <div className="accounts-input" ref={keepRef}>
      <textarea
        aria-label="Account names to add"
        value={text}
        placeholder={PLACEHOLDER}
        rows={7}
        spellCheck={false}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <div className="accounts-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={text.trim() === ''}
          onClick={() => {
            // Keep text with problems in the box, so the user can fix it and add again.
            if (add(text, '')) setText('');
          }}
        >
          Add names
        </button>
        <button type="button" className="btn" onClick={() => file.current?.click()}>
          Open file…
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,.txt,.csv"
          hidden
          data-testid="account-names-file"
          onChange={(e) => void openFile(e)}
        />
        {/* Always rendered: a live region announces changes only once it exists. */}
        <span role="status" className="accounts-summary">
          {outcome === undefined ? null : <LogText text={outcome.summary} />}
        </span>
      </div>
      {outcome !== undefined && outcome.errors.length > 0 ? (
        <ul className="accounts-errors" aria-label="Entries not read">
          {outcome.errors.map((e, i) => (
            <li key={i}>
              <LogText text={e} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function describe(m: MergeResult, source: string): string {
  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const parts = [
    m.added > 0 ? `Added ${plural(m.added, 'name')}` : '',
    m.renamed > 0 ? `renamed ${plural(m.renamed, 'account')}` : '',
    m.unchanged > 0 ? `${m.unchanged} already known` : '',
  ].filter((p) => p !== '');
  const said = parts.length === 0 ? 'No names added' : parts.join(', ');
  return `${said.charAt(0).toUpperCase()}${said.slice(1)}${source}.`;
}
