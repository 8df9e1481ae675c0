import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CaseRoot } from './app/CaseRoot';
import { Providers } from './app/Providers';
import { registerServiceWorker } from './app/registerServiceWorker';
import { forgetLegacyKeys } from './data/forgetLegacyKeys';
import './app/app.css';
import './app/theme-dark.css';

const root = document.getElementById('root');
if (root === null) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <Providers>
      <CaseRoot />
    </Providers>
  </StrictMode>,
);
registerServiceWorker();
forgetLegacyKeys();
