import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { tagsQuery } from '../../data/annotationQueries';
import { ANNOTATION_LIMITS } from '../../data/annotationTypes';
import { LogText } from '../common/LogText';
import { visibleString } from '../common/visibleText';

/**
 * The event's tags as chips, each with a remove button, and an input that adds one on Enter (or
 * several separated by commas), suggesting the tags already used in the case. Tags may come from an
 * imported bundle, so they are shown with invisible characters escaped; a suggestion is offered in
 * that escaped form and picking it adds the tag it stands for.
 */
export function TagEditor(props: {
  readonly tags: readonly string[];
  readonly onChange: (tags: readonly string[]) => void;
}) {
  const { tags, onChange } = props;
  const [draft, setDraft] = useState('');
  const listId = useId();
  const known = useQuery(tagsQuery()).data ?? [];
  const lower = new Set(tags.map((t) => t.toLowerCase()));
  const add = () => {
    const shown = new Map(known.map((t) => [visibleString(t.tag), t.tag]));
    const added = draft.split(',').map((t) => shown.get(t.trim()) ?? t.trim());
    if (added.every((t) => t === '')) return;
    onChange([...tags, ...added]);
    setDraft('');
  };
  return (
    <div className="tag-editor">
      <ul className="tag-list" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <span className="tag-text">
              <LogText text={tag} max={200} />
            </span>
            <button
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${visibleString(tag)}`}
              title="Remove this tag"
              onClick={() => onChange(tags.filter((t) => t !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        className="tag-input"
        type="text"
        aria-label="Add a tag"
        placeholder={tags.length === 0 ? 'Add a tag (Enter)' : 'Add another tag'}
        list={listId}
        maxLength={ANNOTATION_LIMITS.tag}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          add();
        }}
      />
      <datalist id={listId}>
        {known
          .filter((t) => !lower.has(t.tag.toLowerCase()))
          .slice(0, 50)
          .map((t) => (
            <option key={t.tag} value={visibleString(t.tag)}>
              {`${t.count} event${t.count === 1 ? '' : 's'}`}
            </option>
          ))}
      </datalist>
    </div>
  );
}
