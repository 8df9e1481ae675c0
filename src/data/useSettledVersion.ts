import { useEffect, useRef, useState } from 'react';

/**
 * A search result's version (resultVersion) as reads derived from it (facets, histogram) should
 * follow it: at once when the result is complete, at most every `ms` while a search streams. Each
 * partial result would otherwise recount every facet and bin, several times a second, on the worker
 * and cores the scan itself needs.
 */
export function useSettledVersion(version: string, ms = 1000): string {
  const streaming = version.endsWith(':false');
  const [settled, setSettled] = useState(version);
  const lastAt = useRef(0);
  useEffect(() => {
    if (!streaming) {
      lastAt.current = performance.now();
      return undefined;
    }
    const timer = setTimeout(
      () => {
        lastAt.current = performance.now();
        setSettled(version);
      },
      Math.max(0, lastAt.current + ms - performance.now()),
    );
    return () => clearTimeout(timer);
  }, [version, streaming, ms]);
  return streaming ? settled : version;
}
