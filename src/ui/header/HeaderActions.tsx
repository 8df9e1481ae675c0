import { useEffect, useRef, useState } from 'react';
import { lazyView } from '../common/lazyView';
import { setPrefs, usePrefs } from '../prefs/usePrefs';
import { ClearDataConfirm } from './ClearDataConfirm';
import { ColumnChooser } from './ColumnChooser';
import { MoreMenu } from './MoreMenu';
import type { MenuEntry } from './MoreMenu';

const AccountsDialog = lazyView(() =>
  import('../accounts/AccountsDialog').then((m) => m.AccountsDialog),
);
const CoverageDialog = lazyView(() =>
  import('../coverage/CoverageDialog').then((m) => m.CoverageDialog),
);
const IpDataDialog = lazyView(() => import('../iporigin/IpDataDialog').then((m) => m.IpDataDialog));
const CaseBundleDialog = lazyView(() =>
  import('../annotations/CaseBundleDialog').then((m) => m.CaseBundleDialog),
);

type Action = 'columns' | 'coverage' | 'accounts' | 'ipData' | 'bundle' | 'clear';

/**
 * The header's less-used actions, behind one "More" menu so the header stays one row: the time zone,
 * the column chooser, the coverage map, account names, the IP origin data (About and credits, your
 * own .mmdb), the case bundle, and Clear data (with a
 * confirmation). Each opens a dialog or a popover; when it closes, the focus returns to "More".
 */
export function HeaderActions(props: {
  /** True when nothing is stored: no coverage to map, nothing to clear. */
  readonly empty: boolean;
  readonly busy: boolean;
  readonly onClear: () => Promise<void>;
}) {
  const { timeZone } = usePrefs();
  const [action, setAction] = useState<Action | undefined>(undefined);
  const button = useRef<HTMLButtonElement>(null);
  const had = useRef(false);
  // Focus can only move back once a modal dialog is gone: while it is open the page is inert.
  useEffect(() => {
    if (had.current && action === undefined) button.current?.focus();
    had.current = action !== undefined;
  }, [action]);
  const close = () => setAction(undefined);
  const entries: MenuEntry[] = [
    {
      id: 'utc',
      label: 'Times in UTC',
      checked: timeZone === 'utc',
      onSelect: () => setPrefs({ timeZone: 'utc' }),
    },
    {
      id: 'local',
      label: 'Times in local time',
      checked: timeZone === 'local',
      onSelect: () => setPrefs({ timeZone: 'local' }),
    },
    {
      id: 'columns',
      label: 'Columns',
      title: "Choose the table's columns",
      groupStart: true,
      onSelect: () => setAction('columns'),
    },
    ...(props.empty
      ? []
      : [
          {
            id: 'coverage',
            label: 'Coverage',
            title:
              'Accounts × Regions × hours: which log files, events and digests you hold, where the record has holes, and trail tampering',
            onSelect: () => setAction('coverage'),
          },
        ]),
    {
      id: 'ipData',
      label: 'IP origin data',
      title:
        'The country and ASN databases behind source IPs: their dates and credits, and your own .mmdb',
      onSelect: () => setAction('ipData'),
    },
    {
      id: 'accounts',
      label: 'Accounts',
      title: 'Name your AWS account IDs',
      onSelect: () => setAction('accounts'),
    },
    {
      id: 'bundle',
      label: 'Case bundle',
      title:
        'Export or import a case bundle: notes, tags, bookmarks, the view and the source files',
      onSelect: () => setAction('bundle'),
    },
    {
      id: 'clear',
      label: 'Clear data',
      title: 'Delete every stored file and event of this case',
      groupStart: true,
      danger: true,
      disabled: props.busy || props.empty,
      onSelect: () => setAction('clear'),
    },
  ];
  return (
    <MoreMenu label="More actions" entries={entries} buttonRef={button}>
      {action === 'columns' ? <ColumnChooser onClose={close} /> : null}
      {action === 'clear' ? <ClearDataConfirm onClear={props.onClear} onClose={close} /> : null}
      {action === 'coverage' ? <CoverageDialog onClose={close} /> : null}
      {action === 'accounts' ? <AccountsDialog onClose={close} /> : null}
      {action === 'ipData' ? <IpDataDialog onClose={close} /> : null}
      {action === 'bundle' ? <CaseBundleDialog onClose={close} caseName="Cairn case" /> : null}
    </MoreMenu>
  );
}
