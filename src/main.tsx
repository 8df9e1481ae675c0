// First: libraries read navigator.language as they load (repairNavigatorLanguage.ts).
import './app/repairNavigatorLanguage';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CaseRoot } from './app/CaseRoot';
import { FramedRefusal, isFramed } from './app/FramedRefusal';
import { Providers } from './app/Providers';
import { registerServiceWorker } from './app/registerServiceWorker';
import { installBenchHook } from './data/benchHook';
import { forgetLegacyKeys } from './data/forgetLegacyKeys';
import './app/app.css';
import './app/theme-dark.css';

const root = document.getElementById('root');
if (root === null) throw new Error('#root is missing from index.html');
// Framed, nothing of the app mounts: no IndexedDB, no worker, no service worker, no buttons to hijack.
const framed = isFramed();
createRoot(root).render(
  framed ? (
    <FramedRefusal />
  ) : (
    <StrictMode>
      <Providers>
        <CaseRoot />
      </Providers>
    </StrictMode>
  ),
);
if (!framed) {
  registerServiceWorker();
  forgetLegacyKeys();
  installBenchHook();
}
