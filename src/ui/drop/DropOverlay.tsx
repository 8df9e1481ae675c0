import { useEffect, useState } from 'react';
import type { InputFile } from '../../data/types';
import { collectDroppedFiles } from './collectDroppedFiles';

/** Accepts files and folders dropped anywhere on the window, with a full-window hint while dragging. */
export function DropOverlay(props: { readonly onFiles: (files: Promise<InputFile[]>) => void }) {
  const [dragging, setDragging] = useState(false);
  const { onFiles } = props;
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || e.dataTransfer === null) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      onFiles(collectDroppedFiles(e.dataTransfer));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-box">
        Drop CloudTrail files or an <code>AWSLogs</code> folder, or Sigma rules (<code>.yml</code>)
        <small>They are read in this browser tab; nothing is uploaded.</small>
      </div>
    </div>
  );
}
