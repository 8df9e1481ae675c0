import type { ReactNode } from 'react';
import { AccountsButton } from '../accounts/AccountsButton';
import { CaseBundleButton } from '../annotations/CaseBundleButton';
import { CaseSwitcher } from '../cases/CaseSwitcher';
import { CoverageButton } from '../coverage/CoverageButton';
import { OpenButtons } from '../drop/OpenButtons';
import { ShortcutHelp } from '../keyboard/ShortcutHelp';
import type { FilePickers } from '../drop/OpenButtons';
import { setPrefs, usePrefs } from '../prefs/usePrefs';
import { ClearDataButton } from './ClearDataButton';
import { ColumnChooser } from './ColumnChooser';
import { DatasetStats } from './DatasetStats';

/** The header: name, dataset figures, open buttons, view preferences and Clear data. */
export function TopBar(props: {
  readonly pickers: FilePickers;
  readonly busy: boolean;
  /** True when nothing is stored (Clear data has nothing to do). */
  readonly empty: boolean;
  readonly onClear: () => Promise<void>;
  readonly filesButton: ReactNode;
  /** The integrity summary (validation), when digests are stored. */
  readonly integrity?: ReactNode;
}) {
  const prefs = usePrefs();
  return (
    <header className="topbar">
      <div className="brand" title="Cairn: CloudTrail logs, read locally">
        <span className="brand-mark" aria-hidden="true">
          ◭
        </span>{' '}
        Cairn
      </div>
      <CaseSwitcher />
      <DatasetStats />
      {props.integrity}
      <div className="topbar-actions">
        <OpenButtons pickers={props.pickers} />
        <div className="segmented" role="group" aria-label="Time zone">
          {(['utc', 'local'] as const).map((z) => (
            <button
              key={z}
              type="button"
              aria-pressed={prefs.timeZone === z}
              onClick={() => setPrefs({ timeZone: z })}
            >
              {z === 'utc' ? 'UTC' : 'Local'}
            </button>
          ))}
        </div>
        <ColumnChooser />
        {props.empty ? null : <CoverageButton />}
        <AccountsButton />
        <CaseBundleButton />
        <ShortcutHelp />
        {props.filesButton}
        <ClearDataButton onClear={props.onClear} disabled={props.busy || props.empty} />
      </div>
    </header>
  );
}
