import { useState } from 'react';
import { sendJson } from '../api';
import { useCsrfToken, messageOf } from '../ui/hooks';
import { RadioGroup, SelectField, TextField } from '../ui/Fields';
import { FormDialog } from '../ui/FormDialog';
import type { Directorate, Folder } from '../folders/types';
import type { Gap } from './types';

const text = {
  title: (query: string) => `Donner suite à « ${query} »`,
  action: 'Que faire de cette recherche ?',
  keyword: 'L’ajouter aux mots-clés d’un de mes dispositifs',
  keywordHint: 'Les agents trouveront ce dispositif avec ces mots.',
  synonym: 'En faire un synonyme',
  synonymHint: 'Pour toutes les recherches : ces mots se trouveront l’un l’autre.',
  assigned: 'La confier à une direction',
  assignedHint: 'La direction la verra dans sa page « Vos manques », avec votre note.',
  scheme: 'Dispositif',
  terms: 'Termes équivalents',
  termsHint: 'Séparés par des virgules (exemple : camping-car, autocaravane).',
  directorate: 'Direction',
  note: 'Note pour la direction',
  noteHint: 'Facultatif : ce que les agents cherchent, ce qui manque.',
  submit: 'Enregistrer',
  required: 'Choisissez une valeur.',
};

type Action = Gap['action'];

interface Props {
  query: string | null;
  /** Schemes the user may edit (keyword); admins may add synonyms. */
  schemes: Folder[];
  directorates: Directorate[];
  canAddSynonym: boolean;
  onClose(): void;
  onDone(message: string): void;
}

/** What to do about an unanswered query, in one dialog: a keyword, a synonym, or a directorate's task (POST /api/insights/gaps). */
export function GapDialog({ query, schemes, directorates, canAddSynonym, onClose, onDone }: Props) {
  const csrfToken = useCsrfToken();
  const actions: { value: Action; label: string; hint: string }[] = [
    ...(schemes.length > 0 ? [{ value: 'keyword' as const, label: text.keyword, hint: text.keywordHint }] : []),
    ...(canAddSynonym ? [{ value: 'synonym' as const, label: text.synonym, hint: text.synonymHint }] : []),
    { value: 'assigned', label: text.assigned, hint: text.assignedHint },
  ];
  const [action, setAction] = useState<Action>(actions[0]?.value ?? 'assigned');
  const [folderId, setFolderId] = useState(schemes[0]?.id ?? '');
  const [terms, setTerms] = useState('');
  const [directorateId, setDirectorateId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');

  async function submit(): Promise<boolean> {
    if (!query) return false;
    const body =
      action === 'keyword'
        ? { action, query, folderId }
        : action === 'synonym'
          ? {
              action,
              query,
              terms: terms
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
            }
          : { action, query, directorateId, note };
    if ((action === 'assigned' && !directorateId) || (action === 'keyword' && !folderId)) {
      setError(text.required);
      return false;
    }
    try {
      await sendJson('POST', '/api/insights/gaps', body, csrfToken);
      setError('');
      onDone(
        action === 'keyword'
          ? `« ${query} » est un mot-clé de « ${schemes.find((s) => s.id === folderId)?.name ?? ''} ».`
          : action === 'synonym'
            ? `« ${query} » est un synonyme de ${terms}.`
            : `« ${query} » est confiée à ${directorates.find((d) => d.id === directorateId)?.name ?? ''}.`,
      );
      return true;
    } catch (caught) {
      setError(messageOf(caught));
      return false;
    }
  }

  return (
    <FormDialog isOpen={query !== null} title={text.title(query ?? '')} submitLabel={text.submit} onSubmit={submit} onClose={onClose}>
      <RadioGroup name="suite" legend={text.action} value={action} onChange={(value) => setAction(value as Action)} choices={actions} />
      <GapActionFields
        action={action}
        schemes={schemes}
        directorates={directorates}
        values={{ folderId, terms, directorateId, note }}
        onChange={{ folderId: setFolderId, terms: setTerms, directorateId: setDirectorateId, note: setNote }}
      />
      {error && (
        <p role="alert" className="alert alert--error">
          {error}
        </p>
      )}
    </FormDialog>
  );
}

interface GapFields {
  folderId: string;
  terms: string;
  directorateId: string;
  note: string;
}

/** The fields of the chosen action: a scheme, equivalent terms, or a directorate and a note. */
function GapActionFields({
  action,
  schemes,
  directorates,
  values,
  onChange,
}: {
  action: Action;
  schemes: Folder[];
  directorates: Directorate[];
  values: GapFields;
  onChange: { [K in keyof GapFields]: (value: string) => void };
}) {
  return (
    <>
      {action === 'keyword' && (
        <SelectField
          id="suite-dispositif"
          label={text.scheme}
          value={values.folderId}
          onChange={onChange.folderId}
          options={schemes.map((s) => ({ value: s.id, label: s.name }))}
        />
      )}
      {action === 'synonym' && (
        <TextField id="suite-termes" label={text.terms} hint={text.termsHint} value={values.terms} onChange={onChange.terms} />
      )}
      {action === 'assigned' && (
        <>
          <SelectField
            id="suite-direction"
            label={text.directorate}
            value={values.directorateId}
            onChange={onChange.directorateId}
            options={[{ value: '', label: '—' }, ...directorates.map((d) => ({ value: d.id, label: d.name }))]}
          />
          <TextField
            id="suite-note"
            label={text.note}
            hint={text.noteHint}
            value={values.note}
            onChange={onChange.note}
            isMultiline
            maxLength={2000}
          />
        </>
      )}
    </>
  );
}
