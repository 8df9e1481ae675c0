import { DialogButton } from '../common/DialogButton';
import { lazyView } from '../common/lazyView';

const CaseBundleDialog = lazyView(() =>
  import('./CaseBundleDialog').then((m) => m.CaseBundleDialog),
);

/**
 * The top bar's "Case bundle" button: export the case's annotations, view and (optionally)
 * original files as one zip, or import one. `caseName` names the bundle (the open case's name).
 */
export function CaseBundleButton(props: { readonly caseName?: string }) {
  return (
    <DialogButton
      label="Case bundle"
      title="Export or import a case bundle: notes, tags, bookmarks, the view and the source files"
      dialog={(onClose) => (
        <CaseBundleDialog onClose={onClose} caseName={props.caseName ?? 'Cairn case'} />
      )}
    />
  );
}
