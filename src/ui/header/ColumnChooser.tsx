import { useEffect, useRef, useState } from 'react';
import { columns } from '../records-table/columns';
import { useVisibleColumns } from '../records-table/useVisibleColumns';

/** A popover of check boxes choosing the table's columns; the choice is remembered. */
export function ColumnChooser() {
  const [open, setOpen] = useState(false);
  const { visibility, setVisible, reset } = useVisibleColumns();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (e.target instanceof Node && ref.current?.contains(e.target) !== true) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', esc);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', esc);
    };
  }, [open]);
  const visible = (id: string) => visibility[id] === true;
  return (
    <div className="popover-anchor" ref={ref}>
      <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns
      </button>
      {open ? (
        <div className="popover" role="dialog" aria-label="Visible columns">
          {columns.map((c) => {
            const id = c.id ?? '';
            return (
              <label key={id} className="check">
                <input
                  type="checkbox"
                  checked={visible(id)}
                  disabled={id === 'eventTime'}
                  onChange={(e) => setVisible(id, e.currentTarget.checked)}
                />
                {String(c.header)}
              </label>
            );
          })}
          <button type="button" className="btn btn-small" onClick={reset}>
            Reset to the console's columns
          </button>
        </div>
      ) : null}
    </div>
  );
}
