import { useId, useLayoutEffect, useRef } from 'react';
import { SHORTCUT_GROUPS } from './shortcuts';
import { useDialogFocus } from './useDialogFocus';
import { DialogHead } from '../common/DialogHead';
import '../common/modalDialog.css';
import './HelpSheet.css';

/**
 * The keyboard help sheet: a modal dialog listing every shortcut (SHORTCUT_GROUPS). Escape or the
 * close button closes it, and the focus returns to where it was.
 */
export function HelpSheet(props: { readonly onClose: () => void }) {
  const { onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useDialogFocus(ref);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal-dialog help-sheet"
      aria-labelledby={titleId}
      data-testid="help-sheet"
      onCancel={(e) => {
        // Escape: let React unmount the dialog rather than the browser hide it.
        e.preventDefault();
        onClose();
      }}
    >
      <DialogHead
        className="help-sheet-head"
        heading="Keyboard shortcuts"
        headingId={titleId}
        closeLabel="Close"
        onClose={onClose}
      />
      <div className="help-sheet-body">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="help-sheet-group">
            <h3>{group.title}</h3>
            <dl>
              {group.shortcuts.map((s) => (
                <div key={s.action} className="help-sheet-row">
                  <dt>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 ? <span className="muted"> / </span> : null}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{s.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
