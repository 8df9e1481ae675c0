import { useRef } from 'react';
import type { ReactNode } from 'react';
import { Splitter } from '../ui/common/Splitter';
import { setLayoutPrefs, useLayoutPrefs } from '../ui/prefs/useLayoutPrefs';

const SIDEBAR_ID = 'workspace-sidebar';
const DETAIL_ID = 'workspace-detail';

/**
 * The areas under the search bar, left to right: the sidebar, the table, and the detail pane, with a
 * splitter on each side of the table. A missing sidebar or pane (hidden, or no event selected) takes
 * no width at all: the table gets it. The widths the user drags to are remembered (useLayoutPrefs);
 * until then the sidebar and the pane take a share of the window (app.css, `.sidebar` and
 * `.detail-frame`).
 */
export function Workspace(props: {
  readonly sidebar: ReactNode | null;
  readonly table: ReactNode;
  readonly detail: ReactNode | null;
}) {
  const layout = useLayoutPrefs();
  const sidebarRef = useRef<HTMLDivElement>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  return (
    <>
      {props.sidebar === null ? null : (
        <>
          <div
            id={SIDEBAR_ID}
            className="sidebar"
            ref={sidebarRef}
            style={layout.sidebarWidth === undefined ? undefined : { width: layout.sidebarWidth }}
          >
            {props.sidebar}
          </div>
          <Splitter
            target={sidebarRef}
            controls={SIDEBAR_ID}
            label="Sidebar width"
            edge="end"
            min={160}
            maxShare={0.4}
            onResize={(w) => setLayoutPrefs({ sidebarWidth: w })}
            onReset={() => setLayoutPrefs({ sidebarWidth: undefined })}
          />
        </>
      )}
      {props.table}
      {props.detail === null ? null : (
        <>
          <Splitter
            target={detailRef}
            controls={DETAIL_ID}
            label="Detail pane width"
            edge="start"
            min={280}
            maxShare={0.6}
            onResize={(w) => setLayoutPrefs({ detailWidth: w })}
            onReset={() => setLayoutPrefs({ detailWidth: undefined })}
          />
          <div
            id={DETAIL_ID}
            className="detail-frame"
            ref={detailRef}
            style={layout.detailWidth === undefined ? undefined : { width: layout.detailWidth }}
          >
            {props.detail}
          </div>
        </>
      )}
    </>
  );
}
