import { useState } from 'react';
import { LogText } from '../common/LogText';
import { clearAccountNames, removeAccountName, useAccountNames } from './useAccountNames';

/** The stored names, by name, each with Remove; and "Remove all", which asks first. */
export function AccountNameList() {
  const names = useAccountNames();
  const [confirming, setConfirming] = useState(false);
  const sorted = [...names].sort(([a, x], [b, y]) => {
    const byName = x.localeCompare(y);
    return byName !== 0 ? byName : a.localeCompare(b);
  });
  return (
    <section className="accounts-list" aria-label="Named accounts">
      <header className="accounts-list-head">
        <h3>
          {names.size === 0
            ? 'No named accounts yet'
            : `${names.size} named account${names.size === 1 ? '' : 's'}`}
        </h3>
        {names.size === 0 ? null : confirming ? (
          <span className="confirm" role="group" aria-label="Confirm removing all names">
            Remove every name?
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => {
                clearAccountNames();
                setConfirming(false);
              }}
            >
              Remove all
            </button>
            <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="btn btn-small btn-danger-ghost"
            onClick={() => setConfirming(true)}
          >
            Remove all
          </button>
        )}
      </header>
      {names.size === 0 ? null : (
        <div className="accounts-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Account ID</th>
                <th scope="col">Name</th>
                <th scope="col">
                  <span className="accounts-sr">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map(([id, name]) => (
                <tr key={id} data-testid="account-name-row">
                  <td className="mono">{id}</td>
                  <td className="accounts-name">
                    <LogText text={name} />
                  </td>
                  <td className="accounts-remove">
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={`Remove the name of ${id}`}
                      title="Remove this name"
                      onClick={() => removeAccountName(id)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
