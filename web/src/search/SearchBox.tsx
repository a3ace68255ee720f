import { useLayoutEffect, type KeyboardEvent, type RefObject } from 'react';

const text = {
  landmark: 'Recherche de documents',
  label: 'Rechercher un dispositif ou un document',
  hint: 'Les résultats s’affichent pendant la saisie. Flèche bas : parcourir les résultats ; Entrée : ouvrir le résultat choisi ; Échap : effacer.',
  submit: 'Rechercher',
};

interface Props {
  value: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onChange(value: string): void;
  /** Enter: search now, without waiting for the pause. */
  onSubmit(): void;
  /** ↓: to the first result. */
  onEnterResults(): void;
}

/** The one search box, focused on arrival; Esc clears it. */
export function SearchBox({ value, inputRef, onChange, onSubmit, onEnterResults }: Props) {
  // Before the layout's own focus move (it leaves an element marked data-autofocus alone).
  useLayoutEffect(() => inputRef.current?.focus(), [inputRef]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onEnterResults();
    } else if (event.key === 'Escape' && value) {
      event.preventDefault();
      onChange('');
    }
  }

  return (
    <form
      role="search"
      aria-label={text.landmark}
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label htmlFor="recherche" className="search-box__label">
        {text.label}
      </label>
      <p id="recherche-aide" className="field__hint">
        {text.hint}
      </p>
      <div className="search-box__row">
        <input
          ref={inputRef}
          id="recherche"
          type="search"
          data-autofocus=""
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          aria-describedby="recherche-aide"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button">
          {text.submit}
        </button>
      </div>
    </form>
  );
}
