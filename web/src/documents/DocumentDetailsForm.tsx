import { useState, type FormEvent } from 'react';
import { sendJson } from '../api';
import { splitFieldMessage } from '../ui/errors';
import { messageOf, useCsrfToken } from '../ui/hooks';
import { docTypeLabels } from '../ui/labels';
import type { DocumentItem } from './types';
import { choicesOf, SelectField, TextField } from '../ui/Fields';
import { FormAlert } from '../ui/FormAlert';

const text = {
  title: 'Modifier les informations',
  docTitle: 'Titre',
  summary: 'Résumé',
  summaryHint: 'Quelques lignes : à quoi sert ce document, pour qui.',
  docType: 'Type de document',
  save: 'Enregistrer les informations',
  pending: 'Enregistrement…',
  saved: 'Les informations sont enregistrées.',
  refused: 'Les informations n’ont pas été enregistrées :',
};

const fields = { title: 'document-titre', summary: 'document-resume', docType: 'document-type' } as const;

/** Title, summary and type of a document. */
export function DocumentDetailsForm({
  document,
  onSaved,
}: {
  document: DocumentItem;
  onSaved(document: DocumentItem, notice: string): void;
}) {
  const csrfToken = useCsrfToken();
  const [title, setTitle] = useState(document.title);
  const [summary, setSummary] = useState(document.summary);
  const [docType, setDocType] = useState(document.docType);
  const [error, setError] = useState<{ path?: string; message: string }>();
  const [isPending, setIsPending] = useState(false);
  const errorOf = (field: keyof typeof fields) => (error?.path === field ? error.message : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsPending(true);
    setError(undefined);
    try {
      const body = { title, summary, docType };
      const { document: saved } = await sendJson<{ document: DocumentItem }>('PATCH', `/api/documents/${document.id}`, body, csrfToken);
      onSaved(saved, text.saved);
    } catch (e) {
      setError(splitFieldMessage(messageOf(e)));
    } finally {
      setIsPending(false);
    }
  }

  return (
    <section aria-labelledby="informations" className="panel">
      <h3 id="informations">{text.title}</h3>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <FormAlert lead={text.refused} message={error?.message} />
        <TextField id={fields.title} label={text.docTitle} value={title} onChange={setTitle} error={errorOf('title')} required />
        <TextField
          id={fields.summary}
          label={text.summary}
          hint={text.summaryHint}
          value={summary}
          onChange={setSummary}
          error={errorOf('summary')}
          isMultiline
        />
        <SelectField
          id={fields.docType}
          label={text.docType}
          value={docType}
          onChange={setDocType}
          error={errorOf('docType')}
          options={choicesOf(docTypeLabels)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={isPending}>
            {isPending ? text.pending : text.save}
          </button>
        </div>
      </form>
    </section>
  );
}
