import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { menuFocusAfterKey } from './menuKeys';

/** One entry of the menu: an action, or (with `checked`) one of a set of radio choices. */
export interface MenuEntry {
  readonly id: string;
  readonly label: string;
  readonly title?: string;
  /** Present for a radio choice (menuitemradio): whether it is the chosen one. */
  readonly checked?: boolean;
  /** Shown, focusable and announced as unavailable, but does nothing. */
  readonly disabled?: boolean;
  /** A rule above this entry, to group entries. */
  readonly groupStart?: boolean;
  readonly danger?: boolean;
  readonly onSelect: () => void;
}

/**
 * A menu button ("⋯ More") and its menu, after the WAI-ARIA menu button pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/): Enter, Space or ↓ open it on the first
 * entry, ↑ on the last; ↓ ↑ Home End move; Enter or a click chooses; Escape closes it and gives the
 * focus back to the button; Tab or a click outside closes it. `buttonRef` lets the owner return the
 * focus to the button after a dialog the menu opened. `children` render beside the menu, inside the
 * same anchor (a popover an entry opened).
 */
export function MoreMenu(props: {
  readonly label: string;
  readonly entries: readonly MenuEntry[];
  readonly buttonRef: RefObject<HTMLButtonElement | null>;
  readonly children?: ReactNode;
}) {
  const { entries, buttonRef } = props;
  const [focus, setFocus] = useState<number | undefined>(undefined);
  const open = focus !== undefined;
  const menuId = useId();
  const anchor = useRef<HTMLDivElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (focus !== undefined) items.current[focus]?.focus();
  }, [focus]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (e.target instanceof Node && anchor.current?.contains(e.target) !== true)
        setFocus(undefined);
    };
    window.addEventListener('mousedown', outside);
    return () => window.removeEventListener('mousedown', outside);
  }, [open]);

  const close = (refocus: boolean) => {
    setFocus(undefined);
    if (refocus) buttonRef.current?.focus();
  };
  const choose = (entry: MenuEntry) => {
    if (entry.disabled === true) return;
    close(true);
    entry.onSelect();
  };
  return (
    <div className="popover-anchor" ref={anchor}>
      <button
        ref={buttonRef}
        type="button"
        className="btn more-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={props.label}
        title={props.label}
        onClick={() => (open ? close(false) : setFocus(0))}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          e.stopPropagation();
          setFocus(e.key === 'ArrowDown' ? 0 : entries.length - 1);
        }}
      >
        <span aria-hidden="true">⋯</span> More
      </button>
      {open ? (
        <div
          id={menuId}
          className="popover menu"
          role="menu"
          aria-label={props.label}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close(true);
              return;
            }
            if (e.key === 'Tab') {
              close(false);
              return;
            }
            const next = menuFocusAfterKey(e.key, focus, entries.length);
            if (next === undefined) return;
            e.preventDefault();
            e.stopPropagation();
            setFocus(next);
          }}
        >
          {entries.map((entry, i) => (
            <button
              key={entry.id}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role={entry.checked === undefined ? 'menuitem' : 'menuitemradio'}
              aria-checked={entry.checked}
              aria-disabled={entry.disabled === true ? true : undefined}
              tabIndex={-1}
              title={entry.title}
              className={[
                'menu-item',
                entry.groupStart === true ? 'menu-group-start' : '',
                entry.danger === true ? 'menu-danger' : '',
              ].join(' ')}
              onClick={() => choose(entry)}
              onMouseEnter={() => setFocus(i)}
            >
              <span className="menu-check" aria-hidden="true">
                {entry.checked === true ? '✓' : ''}
              </span>
              {entry.label}
            </button>
          ))}
        </div>
      ) : null}
      {props.children}
    </div>
  );
}
