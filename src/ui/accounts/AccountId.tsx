import { LogText } from '../common/LogText';
import { AccountName } from './AccountName';

/** An account ID from a log, then the user's name for it when there is one: `123456789012 (prod)`. */
export function AccountId(props: { readonly id: string }) {
  return (
    <>
      <LogText text={props.id} />
      <AccountName id={props.id} />
    </>
  );
}
