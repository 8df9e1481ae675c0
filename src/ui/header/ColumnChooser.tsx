import { useEffect, useRef } from 'react';
import { columns } from '../records-table/columns';
import { useVisibleColumns } from '../records-table/useVisibleColumns';
import { usePopoverClose } from './usePopoverClose';

/**
 * A popover of check boxes choosing the table's columns; the choice is remembered. It opens from the
 * header's menu with the focus on the first box it can change; Escape or a click outside calls `onClose`.
 */
export function ColumnChooser(props: { readonly onClose: () => void }) {
  const { visibility, setVisible, reset } = useVisibleColumns();
  const ref = useRef<HTMLDivElement>(null);
  usePopoverClose(ref, props.onClose);
  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
  }, []);
  const visible = (id: string) => visibility[id] === true;
  return (
    <div className="popover" role="dialog" aria-label="Visible columns" ref={ref}>
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
  );
}
