import { proxy } from 'comlink';
import type { ProxyMarked } from 'comlink';

/**
 * The methods of service `T` as the page reaches them: each returns a promise, whatever the service's
 * own method returns. Only methods are kept: fields and getters stay in the worker.
 */
export type Forwarded<T> = {
  readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (
    ...args: infer A
  ) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
} & ProxyMarked;

/**
 * A stand-in for a service that is replaced while the worker runs (each case session has its own):
 * every method call waits for `current()` and calls the same method on what it resolves to. Marked as
 * a Comlink proxy, so the page's `api.search.facets(…)` reaches it by path and is typed as a remote
 * service (https://github.com/GoogleChromeLabs/comlink#typescript).
 */
export function forward<T extends object>(current: () => Promise<T>): Forwarded<T> {
  const target = proxy({});
  const methods = new Map<PropertyKey, (...args: unknown[]) => Promise<unknown>>();
  const handler: ProxyHandler<typeof target> = {
    get(_, key) {
      // Comlink reads its own marker symbols off the object; everything else is a method name.
      if (typeof key === 'symbol') return Reflect.get(target, key) as unknown;
      let method = methods.get(key);
      if (method === undefined) {
        method = async (...args: unknown[]) => {
          const service = await current();
          const member: unknown = Reflect.get(service, key);
          if (typeof member !== 'function') throw new TypeError(`No method ${key}`);
          return Reflect.apply(member, service, args) as unknown;
        };
        methods.set(key, method);
      }
      return method;
    },
  };
  // The proxy's type is the service's methods: its get trap answers every method name.
  return new Proxy(target, handler) as unknown as Forwarded<T>;
}
