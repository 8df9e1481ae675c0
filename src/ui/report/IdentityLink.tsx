import { LogText, logTitle } from '../common/LogText';

/**
 * An identity value (an ARN or a user name) as a link to its profile (`?view=identity&identity=`).
 * '' (no identity) is plain "(none)".
 */
export function IdentityLink(props: {
  readonly identity: string;
  readonly onIdentity: (identity: string) => void;
}) {
  const { identity, onIdentity } = props;
  if (identity === '') return <span className="muted">(none)</span>;
  return (
    <button
      type="button"
      className="report-identity"
      data-testid="report-identity"
      data-identity={identity}
      title={`Open the profile of ${logTitle(identity, 300)}`}
      onClick={() => onIdentity(identity)}
    >
      <LogText text={shortIdentity(identity)} max={120} />
    </button>
  );
}

/**
 * An ARN without its `arn:aws:<service>::<account>:` prefix, which every identity of an account
 * shares (`user/alice`, `assumed-role/Role/session`); other values as they are. The full value is
 * in the profile the link opens.
 */
export function shortIdentity(value: string): string {
  const m = /^arn:[^:]*:(iam|sts)::\d*:(.+)$/.exec(value);
  return m?.[2] ?? value;
}
