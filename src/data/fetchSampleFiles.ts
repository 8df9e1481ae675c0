import type { InputFile } from '../engine/ingest/types';
import { isObject } from '../lib/isObject';

/**
 * Fetches the demo dataset bundled under public/sample/ (real CloudTrail files: invictus-aws, MIT, and
 * cloud-snitch, MIT) from the app's own origin. Paths are relative, so it works under any base path.
 * @throws Error when the manifest or a file cannot be fetched.
 */
export async function fetchSampleFiles(): Promise<InputFile[]> {
  const base = new URL('sample/', document.baseURI);
  const manifest: unknown = await (await fetch(new URL('manifest.json', base))).json();
  const files = isObject(manifest) && Array.isArray(manifest['files']) ? manifest['files'] : [];
  return Promise.all(
    files
      .filter((f): f is string => typeof f === 'string')
      .map(async (path) => {
        const response = await fetch(new URL(path, base));
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        return { path: `sample/${path}`, file: await response.blob() };
      }),
  );
}
