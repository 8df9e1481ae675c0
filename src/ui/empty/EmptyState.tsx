import { OpenButtons } from '../drop/OpenButtons';
import type { FilePickers } from '../drop/OpenButtons';
import './EmptyState.css';

/** First screen: what to drop, where it comes from, a one-click sample, and the privacy promise. */
export function EmptyState(props: {
  readonly pickers: FilePickers;
  readonly onSample: () => void;
  readonly busy: boolean;
}) {
  return (
    <div className="empty">
      <div className="empty-card">
        <h1>Read CloudTrail logs in your browser</h1>
        <p className="lead">
          Drop CloudTrail log files or a whole <code>AWSLogs</code> folder anywhere on this window.
          Cairn reads <code>.json.gz</code> and <code>.json</code> trail files, keeps digest files
          for integrity checks, and lists anything else it skipped.
        </p>
        <div className="empty-actions">
          <OpenButtons pickers={props.pickers} primary />
          <button type="button" className="btn" onClick={props.onSample} disabled={props.busy}>
            Load sample data
          </button>
        </div>
        <h2>Where the files come from</h2>
        <p>
          A trail delivers gzipped log files to S3. Copy them with the AWS CLI, then drop the
          folder:
        </p>
        <pre className="cmd">aws s3 sync s3://YOUR-TRAIL-BUCKET/AWSLogs/ ./AWSLogs/</pre>
        <p className="muted">
          Layout:{' '}
          <code>AWSLogs/&lt;account&gt;/CloudTrail/&lt;region&gt;/YYYY/MM/DD/*.json.gz</code>, with
          digests under <code>CloudTrail-Digest/</code>. Region folders copied on their own work
          too, and so does a <code>.zip</code> of any of it.
        </p>
        <p className="privacy">
          <strong>Nothing leaves this machine.</strong> Files are parsed in this tab and stored in
          this browser's own storage. Cairn makes no network requests and works offline.
        </p>
        <p className="muted small">
          The sample is real CloudTrail data from the invictus-ir/aws_dataset (MIT) and
          ccbrown/cloud-snitch (MIT) projects.
        </p>
      </div>
    </div>
  );
}
