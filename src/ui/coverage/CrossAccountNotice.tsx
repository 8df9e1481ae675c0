import type { CoverageMap } from '../../data/types';
import { visibleString } from '../common/visibleText';
import { crossAccountSentence } from './crossAccountText';

/**
 * Says why some rows hold files and no events (and others events and no files): the files are named
 * for one account and hold another's events, as an organisation or delegated trail delivers them.
 * Without it such a row reads as evidence lost.
 */
export function CrossAccountNotice(props: { readonly map: CoverageMap }) {
  const { crossAccount } = props.map;
  if (crossAccount.length === 0) return null;
  return (
    <div className="coverage-body">
      <ul className="notice coverage-notice coverage-cross-account">
        {crossAccount.map((c) => (
          <li
            key={`${c.fileAccount}\u0000${c.eventAccount}`}
            data-testid="coverage-cross-account"
            data-file-account={c.fileAccount}
            data-event-account={c.eventAccount}
          >
            {crossAccountSentence(c)} Their files are on the {visibleString(c.fileAccount)} rows,
            their events on the {visibleString(c.eventAccount)} rows.
          </li>
        ))}
      </ul>
    </div>
  );
}
