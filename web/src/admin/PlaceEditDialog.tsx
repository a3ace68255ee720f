import { useState } from 'react';
import { TextField } from '../ui/Fields';
import { FormDialog } from '../ui/FormDialog';
import { placeErrorsOf, placeFieldText, placeText, type PlaceField, type PlaceFormErrors } from './placeText';
import type { Place, PlaceKind } from './types';

const text = {
  save: 'Enregistrer',
  editTitle: (the: string, place: Place) => `Modifier ${the} ${place.code}`,
};

type Draft = { name: string; city: string; phone: string };

/** The fields a place's edit form shows: a Maison also has a city and a phone. */
export const placeFieldsOf = (kind: PlaceKind): PlaceField[] => (kind === 'maisons' ? ['name', 'city', 'phone'] : ['name']);

/** The edit form's draft: `start(place)` fills it from the place, `save` sends it and keeps the errors for its fields. */
export function usePlaceDraft(kind: PlaceKind) {
  const [draft, setDraft] = useState<Draft>({ name: '', city: '', phone: '' });
  const [errors, setErrors] = useState<PlaceFormErrors>({ fields: {} });
  const fields = placeFieldsOf(kind);

  function start(place: Place) {
    setDraft({ name: place.name, city: place.city ?? '', phone: place.phone ?? '' });
    setErrors({ fields: {} });
  }

  async function save(send: (body: object) => Promise<void>): Promise<boolean> {
    try {
      // An empty phone is "none".
      await send(
        Object.fromEntries(
          fields.map((field) => [field, field === 'phone' ? draft.phone.trim() || null : draft[field as 'name' | 'city']]),
        ),
      );
      return true;
    } catch (e) {
      setErrors(placeErrorsOf(e, fields));
      return false;
    }
  }

  return { draft, setDraft, errors, start, save };
}

interface Props {
  kind: PlaceKind;
  place: Place | undefined;
  draft: ReturnType<typeof usePlaceDraft>;
  onSubmit(place: Place): Promise<boolean>;
  onClose(): void;
}

/** "Modifier" a place in a modal form: its name (a Maison's city and phone too). */
export function PlaceEditDialog({ kind, place, draft, onSubmit, onClose }: Props) {
  return (
    <FormDialog
      isOpen={place !== undefined}
      title={place ? text.editTitle(placeText[kind].the, place) : ''}
      submitLabel={text.save}
      onSubmit={() => (place ? onSubmit(place) : Promise.resolve(true))}
      onClose={onClose}
    >
      {draft.errors.form && (
        <p role="alert" className="alert alert--error">
          {draft.errors.form}
        </p>
      )}
      {placeFieldsOf(kind).map((field) => (
        <TextField
          isErrorAnnounced
          key={field}
          id={`${kind}-modifier-${field}`}
          label={placeFieldText[field]}
          error={draft.errors.fields[field]}
          value={draft.draft[field as keyof Draft]}
          onChange={(value) => draft.setDraft((current) => ({ ...current, [field]: value }))}
          required={field !== 'phone'}
        />
      ))}
    </FormDialog>
  );
}
