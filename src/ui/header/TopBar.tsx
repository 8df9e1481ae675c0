import type { ReactNode } from 'react';
import { CaseSwitcher } from '../cases/CaseSwitcher';
import { OpenButtons } from '../drop/OpenButtons';
import { ShortcutHelp } from '../keyboard/ShortcutHelp';
import type { FilePickers } from '../drop/OpenButtons';
import { DatasetStats } from './DatasetStats';
import { HeaderActions } from './HeaderActions';

/**
 * The header, one row from 1280 px up: name, case, dataset figures, integrity, the open buttons,
 * the Files panel's button, the shortcut sheet, and a "More" menu with the less-used actions. When
 * space runs short the dataset figures are cut (the least important last), never the buttons.
 */
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
        {props.filesButton}
        <ShortcutHelp />
        <HeaderActions empty={props.empty} busy={props.busy} onClear={props.onClear} />
      </div>
    </header>
  );
}
