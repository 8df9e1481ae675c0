import { lazyView } from '../common/lazyView';

/** The validation panel (ValidationDialog), loaded from its own chunk the first time it opens. */
export const ValidationPanel = lazyView(() =>
  import('./ValidationDialog').then((m) => m.ValidationDialog),
);
