import { CopyButton } from '../common/CopyButton';

/** The record pretty-printed from the stored original, as plain text. */
export function RawJson(props: { readonly text: string }) {
  return (
    <div className="raw-json">
      <div className="raw-json-tools">
        <CopyButton text={props.text} label="Copy JSON" />
      </div>
      <pre>{props.text}</pre>
    </div>
  );
}
