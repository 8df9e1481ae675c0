import type { RuleSummary } from '../../data/detectionQueries';
import { LogText } from '../common/LogText';
import { httpUrl } from './httpUrl';

/** The licence of the SigmaHQ rules, which asks for this credit wherever a hit is shown. */
export const DRL_URL = 'https://github.com/SigmaHQ/Detection-Rule-License';

/**
 * The credit the Detection Rule License 1.1 asks for wherever a hit is shown: the rule's author
 * and a link to the rule (a pack rule's file at the vendored commit), or, for a rule of the case,
 * the name of the responder's file. Links open in a new tab and pass no referrer.
 * @see https://github.com/SigmaHQ/Detection-Rule-License
 */
export function RuleCredit(props: { readonly rule: RuleSummary }) {
  const { rule } = props;
  const { origin } = rule;
  const author = rule.author.trim();
  return (
    <p className="rule-credit" data-testid="rule-credit">
      Rule by{' '}
      {author === '' ? (
        <span className="muted">an author the rule does not name</span>
      ) : (
        <span className="rule-author">
          <LogText text={author} max={300} />
        </span>
      )}{' '}
      ·{' '}
      {origin.kind === 'pack' ? (
        <>
          <PackLink url={origin.url} file={origin.file} /> ·{' '}
          <a href={DRL_URL} target="_blank" rel="noopener noreferrer">
            DRL 1.1
          </a>
        </>
      ) : (
        <>
          from your rule file{' '}
          <code>
            <LogText text={origin.file} max={300} />
          </code>
        </>
      )}
    </p>
  );
}

function PackLink(props: { readonly url: string; readonly file: string }) {
  const href = httpUrl(props.url);
  const name = `SigmaHQ ${props.file.split('/').at(-1) ?? props.file}`;
  if (href === undefined) return <LogText text={name} max={300} />;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
      <LogText text={name} max={300} />
    </a>
  );
}
