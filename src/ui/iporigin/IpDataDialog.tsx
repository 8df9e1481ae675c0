import { useEffect, useRef, useState } from 'react';
import { useIpDatabaseActions, useIpDatabases } from '../../data/ipOriginQueries';
import { DialogHead } from '../common/DialogHead';
import { LogText } from '../common/LogText';
import '../common/modalDialog.css';
import './IpDataDialog.css';

/**
 * "IP origin data": the About text of the IP databases. It lists each database in use with what it
 * answers, its date and its credit (the licences ask for it; DB-IP asks for a link), and lets the
 * user add their own `.mmdb` to the case (GeoLite2 City or ASN; also by dropping it on the window)
 * or remove it. Everything is looked up in this browser: no address is sent anywhere.
 */
export function IpDataDialog(props: { readonly onClose: () => void }) {
  const { onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const { databases, error } = useIpDatabases();
  const { add, remove } = useIpDatabaseActions();
  const [message, setMessage] = useState<{ text: string; bad: boolean } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null || dialog.open) return;
    dialog.showModal();
  }, []);
  const run = (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(undefined);
    work()
      .then(
        (text) => setMessage({ text, bad: false }),
        (e: unknown) => setMessage({ text: e instanceof Error ? e.message : String(e), bad: true }),
      )
      .finally(() => setBusy(false));
  };
  const user = databases?.find((d) => d.role === 'user');
  return (
    <dialog
      ref={ref}
      className="modal-dialog ip-data-dialog"
      aria-label="IP origin data"
      onClose={onClose}
      data-testid="ip-data-dialog"
    >
      <DialogHead heading="IP origin data" closeLabel="Close IP origin data" onClose={onClose} />
      <p className="muted modal-intro">
        Country, ASN and organisation beside source IPs come from these databases, read in this
        browser: no address leaves it. A database of your own is kept with this case and preferred
        for the fields it has.
      </p>
      {error !== undefined ? (
        <p className="notice notice-error" role="alert">
          The IP databases could not be loaded: <LogText text={error} max={300} />
        </p>
      ) : null}
      <ul className="ip-data-list">
        {(databases ?? []).map((db) => (
          <li key={db.role} data-testid="ip-database" data-role={db.role}>
            <strong>
              <LogText text={db.name} max={200} />
            </strong>{' '}
            <span className="muted">
              ({db.fields.join(', ')}; {db.date === '' ? 'undated' : `data of ${db.date}`})
            </span>
            <br />
            <LogText text={db.credit} max={300} />
            {db.links.map((href) => (
              <span key={href}>
                {' '}
                <a href={href} target="_blank" rel="noreferrer noopener">
                  {new URL(href).hostname}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
      <div className="ip-data-actions">
        <label className="btn">
          {user === undefined ? 'Add your own .mmdb…' : 'Replace your .mmdb…'}
          <input
            type="file"
            accept=".mmdb"
            className="visually-hidden"
            data-testid="ip-database-input"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file === undefined) return;
              run(async () => {
                const info = await add(file, file.name);
                return `${info.name} added: it answers ${info.fields.join(', ')}.`;
              });
            }}
          />
        </label>
        {user !== undefined ? (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() =>
              run(async () => {
                await remove();
                return 'Your database was removed; the bundled data answers again.';
              })
            }
          >
            Remove {user.name}
          </button>
        ) : null}
      </div>
      {message !== undefined ? (
        <p
          className={message.bad ? 'notice notice-error' : 'notice'}
          role={message.bad ? 'alert' : 'status'}
          data-testid="ip-database-message"
        >
          <LogText text={message.text} max={500} />
        </p>
      ) : null}
    </dialog>
  );
}
