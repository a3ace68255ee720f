import { useRef, useState, type FormEvent } from 'react';
import { sendJson } from '../api';
import { useCsrfToken } from '../ui/hooks';
import { TextField } from '../ui/Fields';
import { placeErrorsOf, placeFieldText, placeText, type PlaceField, type PlaceFormErrors } from './placeText';
import type { Place, PlaceKind } from './types';

const text = { pending: 'Ajout…' };

const prefixOf: Record<PlaceKind, string> = { directorates: 'direction', maisons: 'maison' };

/** Adds a directorate or a Maison (POST /api/admin/<kind>); a refusal shows next to its field. */
export function PlaceCreateForm({ kind, onCreated }: { kind: PlaceKind; onCreated(place: Place): void }) {
  const csrfToken = useCsrfToken();
  const words = placeText[kind];
  const prefix = prefixOf[kind];
  const fields: PlaceField[] = kind === 'maisons' ? ['code', 'name', 'city'] : ['code', 'name'];
  const [values, setValues] = useState<Record<PlaceField, string>>({ code: '', name: '', city: '', phone: '' });
  const [errors, setErrors] = useState<PlaceFormErrors>({ fields: {} });
  const [isPending, setIsPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const change = (field: PlaceField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsPending(true);
    setErrors({ fields: {} });
    try {
      const body = Object.fromEntries(fields.map((field) => [field, values[field]]));
      const answer = await sendJson<Record<string, Place>>('POST', `/api/admin/${kind}`, body, csrfToken);
      const created = Object.values(answer)[0];
      setValues({ code: '', name: '', city: '', phone: '' });
      if (created) onCreated(created);
    } catch (error) {
      const found = placeErrorsOf(error, fields);
      setErrors(found);
      const invalid = fields.find((field) => found.fields[field]);
      if (invalid) requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>(`#${prefix}-${invalid}`)?.focus());
    } finally {
      setIsPending(false);
    }
  }

  return (
    <form ref={formRef} className="form panel" aria-labelledby={`${prefix}-ajout`} noValidate onSubmit={(event) => void submit(event)}>
      <h3 id={`${prefix}-ajout`}>{words.createHeading}</h3>
      <div className="field-row">
        <TextField
          isErrorAnnounced
          id={`${prefix}-code`}
          label={placeFieldText.code}
          hint={placeFieldText.codeHint}
          error={errors.fields.code}
          value={values.code}
          onChange={(value) => change('code', value.toUpperCase())}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          isErrorAnnounced
          id={`${prefix}-name`}
          label={placeFieldText.name}
          error={errors.fields.name}
          value={values.name}
          onChange={(value) => change('name', value)}
          required
        />
        {kind === 'maisons' && (
          <TextField
            isErrorAnnounced
            id={`${prefix}-city`}
            label={placeFieldText.city}
            error={errors.fields.city}
            value={values.city}
            onChange={(value) => change('city', value)}
            required
          />
        )}
      </div>
      {errors.form && (
        <p role="alert" className="alert alert--error">
          {errors.form}
        </p>
      )}
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? text.pending : words.create}
      </button>
    </form>
  );
}
