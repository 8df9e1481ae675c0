import { useViewState } from '../../data/useViewState';
import { DialogButton } from '../common/DialogButton';
import { lazyView } from '../common/lazyView';

// Its own chunk: it brings the YAML writer, which the first screen does not need.
const SaveRuleDialog = lazyView(() => import('./SaveRuleDialog').then((m) => m.SaveRuleDialog));

/**
 * "Save as rule…": opens SaveRuleDialog over the applied query (the URL's `q`); without a query it
 * does nothing and its tooltip says why. Sits in the Saved queries dialog and in the Detections
 * view's "Your rules", so the search bar keeps its room at 1280 px.
 */
export function SaveRuleButton() {
  const [view] = useViewState();
  return (
    <DialogButton
      label="Save as rule…"
      title="Turn the applied query into a Sigma rule: download it, or add it to this case's rules"
      disabledReason={
        view.q.trim() === ''
          ? 'Apply a query first: a rule from an empty query would match every event'
          : undefined
      }
      dialog={(onClose) => (
        <SaveRuleDialog q={view.q} ranged={view.range !== 'all'} onClose={onClose} />
      )}
    />
  );
}
