import { lazyView } from '../common/lazyView';
import { closeFileView, useFileViewTarget } from './fileViewTarget';

const FileViewDialog = lazyView(() => import('./FileViewDialog').then((m) => m.FileViewDialog));

/** The app's one file view, shown while some view has opened it (openFileView). */
export function FileViewHost(props: { readonly onQuery: (q: string) => void }) {
  const target = useFileViewTarget();
  if (target === undefined) return null;
  return <FileViewDialog target={target} onClose={closeFileView} onQuery={props.onQuery} />;
}
