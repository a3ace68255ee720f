import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

/**
 * Labelled form fields. A field's error is shown under it, linked with aria-describedby and
 * marked aria-invalid; the form also announces it (role="alert") in its error summary.
 */

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange(value: string): void;
}

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-aide` : '', error ? `${id}-erreur` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** `isErrorAnnounced`: the error is announced as it appears (role="alert"), for forms without an error summary. */
function FieldNotes({
  id,
  hint,
  error,
  isErrorAnnounced = false,
}: {
  id: string;
  hint?: string;
  error?: string;
  isErrorAnnounced?: boolean;
}) {
  return (
    <>
      {hint && (
        <span id={`${id}-aide`} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-erreur`} role={isErrorAnnounced ? 'alert' : undefined} className="field__error">
          {error}
        </span>
      )}
    </>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

interface TextFieldProps extends FieldProps, InputProps {
  isMultiline?: boolean;
  /** The error is announced as it appears (role="alert"): for forms without an error summary. */
  isErrorAnnounced?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text input (or textarea), its hint and its error under the label. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  isMultiline = false,
  isErrorAnnounced,
  inputRef,
  ...input
}: TextFieldProps) {
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {input.required && <span aria-hidden="true"> *</span>}
      </label>
      <FieldNotes id={id} hint={hint} error={error} isErrorAnnounced={isErrorAnnounced} />
      {isMultiline ? (
        <textarea
          {...common}
          rows={5}
          onChange={(event) => onChange(event.target.value)}
          required={input.required}
          disabled={input.disabled}
        />
      ) : (
        <input ref={inputRef} type="text" {...input} {...common} onChange={(event) => onChange(event.target.value)} />
      )}
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  required,
}: FieldProps & { options: { value: string; label: string }[]; required?: boolean }) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
      <select
        id={id}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface Choice {
  value: string;
  label: string;
  hint?: string;
}

interface GroupProps {
  legend: string;
  hint?: ReactNode;
  error?: string;
  choices: Choice[];
}

function Group({ legend, hint, error, children }: Omit<GroupProps, 'choices'> & { children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className={`choices${error ? ' field--invalid' : ''}`} aria-describedby={error ? `${id}-erreur` : undefined}>
      <legend>{legend}</legend>
      {hint && <div className="field__hint">{hint}</div>}
      {error && (
        <span id={`${id}-erreur`} className="field__error">
          {error}
        </span>
      )}
      {children}
    </fieldset>
  );
}

export function RadioGroup({
  name,
  value,
  onChange,
  ...group
}: GroupProps & { name: string; value: string; onChange(value: string): void }) {
  return (
    <Group {...group}>
      {group.choices.map((choice) => (
        <div key={choice.value} className="choice">
          <input
            type="radio"
            id={`${name}-${choice.value}`}
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
            aria-describedby={choice.hint ? `${name}-${choice.value}-aide` : undefined}
          />
          <label htmlFor={`${name}-${choice.value}`}>{choice.label}</label>
          {choice.hint && (
            <span id={`${name}-${choice.value}-aide`} className="choice__hint">
              {choice.hint}
            </span>
          )}
        </div>
      ))}
    </Group>
  );
}

export function CheckboxGroup({
  name,
  values,
  onChange,
  ...group
}: GroupProps & { name: string; values: string[]; onChange(values: string[]): void }) {
  const toggle = (code: string, isChecked: boolean) => onChange(isChecked ? [...values, code] : values.filter((v) => v !== code));
  return (
    <Group {...group}>
      <div className="choices__grid">
        {group.choices.map((choice) => (
          <div key={choice.value} className="choice">
            <input
              type="checkbox"
              id={`${name}-${choice.value}`}
              name={name}
              value={choice.value}
              checked={values.includes(choice.value)}
              onChange={(event) => toggle(choice.value, event.target.checked)}
            />
            <label htmlFor={`${name}-${choice.value}`}>{choice.label}</label>
          </div>
        ))}
      </div>
    </Group>
  );
}

/** Choices from a label record, in its key order. */
export const choicesOf = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([value, label]) => ({ value, label }));
