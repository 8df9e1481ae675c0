import { useState } from 'react';
import type { ReactNode } from 'react';
import './Provenance.css';

type Tab = 'facets' | 'sources';

/** The left sidebar: the facets, or the sources tree, one at a time. */
export function SideTabs(props: { readonly facets: ReactNode; readonly sources: ReactNode }) {
  const [tab, setTab] = useState<Tab>('facets');
  const button = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`side-tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`side-panel-${id}`}
      className="side-tab"
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );
  return (
    <div className="side-tabs">
      <div className="side-tabs-bar" role="tablist" aria-label="Sidebar">
        {button('facets', 'Facets')}
        {button('sources', 'Sources')}
      </div>
      <div
        className="side-tabs-panel"
        role="tabpanel"
        id={`side-panel-${tab}`}
        aria-labelledby={`side-tab-${tab}`}
      >
        {tab === 'facets' ? props.facets : props.sources}
      </div>
    </div>
  );
}
