import type { ChainNode } from '../../data/sessionQueries';
import { countOf, formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { LogText, logTitle } from '../common/LogText';
import { AccountName } from '../accounts/AccountName';

/**
 * The credential chain around a session as a nested list: the first identity in the case at the
 * top, each key below the call that issued it (AssumeRole…), this session highlighted, the sessions
 * it issued beneath it. A hop into another account is marked; each other session opens its story.
 */
export function ChainTree(props: {
  readonly root: ChainNode;
  readonly timeZone: 'utc' | 'local';
  readonly onOpen: (key: string) => void;
}) {
  return (
    <ul className="chain-tree" data-testid="session-chain" aria-label="Credential chain">
      <ChainItem node={props.root} timeZone={props.timeZone} onOpen={props.onOpen} />
    </ul>
  );
}

function ChainItem(props: {
  readonly node: ChainNode;
  readonly timeZone: 'utc' | 'local';
  readonly onOpen: (key: string) => void;
}) {
  const { node, timeZone, onOpen } = props;
  const session = node.key.startsWith('ASIA');
  const kind = session ? 'session' : node.key.startsWith('AKIA') ? 'long-term key' : 'no key';
  return (
    <li
      className={node.current ? 'chain-node is-current' : 'chain-node'}
      data-key={node.key}
      data-current={node.current}
      data-cross-account={node.crossAccount}
    >
      {node.issuedBy === undefined ? null : (
        <div className="chain-via muted">
          ↳ <LogText text={node.issuedBy.eventName} /> at{' '}
          {formatTime(node.issuedBy.eventTime, timeZone)}
        </div>
      )}
      <div className="chain-card">
        {node.crossAccount ? (
          <span
            className="chain-badge chain-cross"
            title="This identity acts in another account than the one above it"
          >
            cross-account
          </span>
        ) : null}
        <span className="chain-who" title={logTitle(node.arn)}>
          <LogText text={node.arn === '' ? node.userName : node.arn} max={120} />
        </span>
        <span className="muted chain-meta">
          {node.identityType === '' ? '' : `${node.identityType} · `}
          {kind}{' '}
          {session && !node.current ? (
            <a
              href={`?view=sessions&session=${encodeURIComponent(node.key)}`}
              className="mono"
              onClick={(e) => {
                e.preventDefault();
                onOpen(node.key);
              }}
            >
              <LogText text={node.key} />
            </a>
          ) : (
            <span className="mono">
              <LogText text={node.key} />
            </span>
          )}{' '}
          · account <LogText text={node.account} />
          <AccountName id={node.account} /> · {countOf(node.events, 'event')}
          {node.incomplete ? ' · issued outside the case' : ''}
        </span>
        {node.current ? <span className="chain-badge">this session</span> : null}
      </div>
      {node.children.length === 0 && node.moreChildren === 0 ? null : (
        <ul>
          {node.children.map((c) => (
            <ChainItem key={c.key} node={c} timeZone={timeZone} onOpen={onOpen} />
          ))}
          {node.moreChildren > 0 ? (
            <li className="chain-node muted">
              and {formatCount(node.moreChildren)} other sessions issued here
            </li>
          ) : null}
        </ul>
      )}
    </li>
  );
}
