import { LogText } from '../common/LogText';
import { useAccountNames } from './useAccountNames';
import './AccountName.css';

/**
 * The user's name for an account, as a muted " (name)" to put after the ID, or nothing when the
 * account has no name. The name came from pasted text, so it is rendered through LogText.
 */
export function AccountName(props: { readonly id: string }) {
  const name = useAccountNames().get(props.id);
  if (name === undefined) return null;
  return (
    <>
      {' '}
      <span className="account-name muted" data-account-name="">
        (<LogText text={name} />)
      </span>
    </>
  );
}
