import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled form control with its Indonesian error message right under it. */
export function Field({ label, error, hint, children }: Props) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert">{error}</div>
      ) : hint ? (
        <div className="field-hint" id={`${id}-hint`}>{hint}</div>
      ) : null}
    </div>
  );
}
