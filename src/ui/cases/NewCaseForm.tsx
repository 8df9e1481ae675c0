import { useState } from 'react';

/** "New case": a name (optional: "Case N" when left empty) and the button that creates and opens it. */
export function NewCaseForm(props: {
  readonly lockReason: string | undefined;
  readonly onCreate: (name: string) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [working, setWorking] = useState(false);
  return (
    <form
      className="cases-new"
      onSubmit={(e) => {
        e.preventDefault();
        setWorking(true);
        props.onCreate(name).then(
          () => {
            setName('');
            setError(undefined);
            setWorking(false);
          },
          (err: unknown) => {
            setError(err instanceof Error ? err.message : String(err));
            setWorking(false);
          },
        );
      }}
    >
      <label htmlFor="new-case-name">New case</label>
      <input
        id="new-case-name"
        data-testid="new-case-name"
        placeholder="Name, e.g. the incident or ticket"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button
        type="submit"
        className="btn btn-primary"
        disabled={props.lockReason !== undefined || working}
        title={props.lockReason ?? 'Create an empty case and open it'}
      >
        Create and open
      </button>
      {error === undefined ? null : (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
