import { logTitle } from '../common/LogText';
import { useIdentityActions } from '../../data/identityQueries';
import './OpenProfileButton.css';

/**
 * "Open profile" beside an identity value (user name, ARN, access key, principal ID): switches to
 * the Identity view on it. `compact` renders a small icon-like button for tight rows.
 */
export function OpenProfileButton(props: { readonly value: string; readonly compact?: boolean }) {
  const { openIdentity } = useIdentityActions();
  const { value, compact = false } = props;
  if (value === '') return null;
  return (
    <button
      type="button"
      className="btn btn-small open-profile"
      data-testid="open-profile"
      title={`Open the profile of ${logTitle(value, 200)}`}
      onClick={(e) => {
        e.stopPropagation();
        openIdentity(value);
      }}
    >
      {compact ? 'Profile' : 'Open profile'}
    </button>
  );
}
