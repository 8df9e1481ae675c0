import type { RuleSummary } from '../../data/detectionQueries';
import { LogText } from '../common/LogText';

/**
 * The credit the Detection Rule License 1.1 asks for wherever a hit is shown: the rule's author and
 * a link to the rule (the SigmaHQ file at the vendored commit, opened in a new tab); a rule the
 * responder added names its file instead. Author and file name come from untrusted input: text only.
 * @see https://github.com/SigmaHQ/Detection-Rule-License
 */
export function RuleCredit(props: { readonly rule: RuleSummary }) {
  const { rule } = props;
  const author = rule.author.trim() === '' ? 'unknown author' : rule.author;
  return (
    <span className="rule-credit">
      <span className="rule-author">
        by <LogText text={author} max={120} />
      </span>{' '}
      ·{' '}
      {rule.origin.kind === 'pack' && rule.origin.url.startsWith('https://') ? (
        <a
          href={rule.origin.url}
          target="_blank"
          rel="noopener noreferrer"
          title={`SigmaHQ rule ${rule.origin.file}, under the Detection Rule License 1.1`}
        >
          rule
        </a>
      ) : (
        <span className="mono" title="A rule file added to this case">
          <LogText text={rule.origin.file} max={80} />
        </span>
      )}
    </span>
  );
}
