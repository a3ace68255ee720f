const text = {
  label: (n: number) => `Groupe ${n}`,
  remove: (n: number) => `Supprimer le groupe ${n}`,
};

interface Props {
  number: number;
  value: string;
  /** The id of the hint shared by every group (how to write the terms). */
  hintId: string;
  error?: string;
  onChange(value: string): void;
  onRemove(): void;
}

/** One synonym group: its terms in one text field, and the button that removes it. */
export function SynonymGroupField({ number, value, hintId, error, onChange, onRemove }: Props) {
  const id = `groupe-${number}`;
  const describedBy = [hintId, error ? `${id}-erreur` : ''].filter(Boolean).join(' ');
  return (
    <div className={`synonym-group field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{text.label(number)}</label>
      {error && (
        <span id={`${id}-erreur`} className="field__error">
          {error}
        </span>
      )}
      <div className="synonym-group__row">
        <input
          type="text"
          id={id}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        <button type="button" className="button button--secondary" onClick={onRemove}>
          {text.remove(number)}
        </button>
      </div>
    </div>
  );
}
