import { Component, lazy, Suspense } from 'react';
import type { ComponentType, ReactNode } from 'react';
import './lazyView.css';

/** The chunk of a lazy view could not be fetched (offline without the service worker, a new deploy). */
class ViewLoadError extends Error {}

/**
 * A view that is not on the first screen (a dialog, a panel), loaded from its own chunk the first
 * time it opens, so the main bundle stays small. Nothing shows while the chunk loads (it comes from
 * the origin or the service worker's precache, in milliseconds). If it cannot load, a notice says so
 * and offers `onClose`, instead of the whole app failing; errors inside the view are not caught here.
 */
export function lazyView<P extends { readonly onClose: () => void }>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  const View = lazy(async () => {
    try {
      return { default: await load() };
    } catch (error) {
      throw new ViewLoadError(error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    }
  });
  return function LazyView(props: P) {
    return (
      <LoadBoundary onClose={props.onClose}>
        <Suspense fallback={null}>
          <View {...props} />
        </Suspense>
      </LoadBoundary>
    );
  };
}

class LoadBoundary extends Component<
  { readonly onClose: () => void; readonly children: ReactNode },
  { readonly caught: { readonly error: unknown } | undefined }
> {
  override state: { readonly caught: { readonly error: unknown } | undefined } = {
    caught: undefined,
  };

  static getDerivedStateFromError(error: unknown) {
    return { caught: { error } };
  }

  override render() {
    const { caught } = this.state;
    if (caught === undefined) return this.props.children;
    // Only a failed load is this boundary's business: anything else goes on up, as before.
    if (!(caught.error instanceof ViewLoadError)) throw caught.error;
    return (
      <div
        className="notice notice-error lazy-view-error"
        role="alert"
        data-testid="view-load-error"
      >
        This view could not be loaded ({caught.error.message}). Reload the page to try again.{' '}
        <button type="button" className="btn btn-small" onClick={this.props.onClose}>
          Close
        </button>
      </div>
    );
  }
}
