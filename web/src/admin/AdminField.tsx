import type { InputHTMLAttributes, Ref } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  id: string;
  label: string;
  hint?: string;
  /** Shown under the label and announced at once (role="alert"); the input is marked invalid. */
  error?: string;
  value: string;
  onChange(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input whose error sits next to it, announced as it appears. */
export function AdminField({ id, label, hint, error, value, onChange, inputRef, ...input }: Props) {
  const describedBy = [hint ? `${id}-aide` : '', error ? `${id}-erreur` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {input.required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <span id={`${id}-aide`} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-erreur`} role="alert" className="field__error">
          {error}
        </span>
      )}
      <input
        ref={inputRef}
        type="text"
        {...input}
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
