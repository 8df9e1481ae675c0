import { LogText } from '../common/LogText';
import { LongLogText } from '../common/LongLogText';

/** The "Resources referenced" table: one line per resource, as the console lists them. */
export function ResourcesTable(props: {
  readonly types: readonly string[];
  readonly names: readonly string[];
}) {
  const { types, names } = props;
  return (
    <section className="detail-section">
      <h3>Resources referenced ({names.length})</h3>
      {names.length === 0 ? (
        <p className="muted">None named in this event.</p>
      ) : (
        <table className="kv-table">
          <thead>
            <tr>
              <th>Resource type</th>
              <th>Resource name</th>
            </tr>
          </thead>
          <tbody>
            {names.map((name, i) => (
              <tr key={`${i}:${name}`}>
                <td>
                  {types[i] === '' ? (
                    <span className="muted">unknown</span>
                  ) : (
                    <LogText text={types[i] ?? ''} max={200} />
                  )}
                </td>
                <td className="mono wrap">
                  <LongLogText text={name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
