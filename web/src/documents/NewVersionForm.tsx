import { useRef, useState, type FormEvent } from 'react';
import { messageOf, useCsrfToken } from '../ui/hooks';
import type { DocumentItem } from './types';
import { uploadFile } from './upload';
import { FormAlert } from '../ui/FormAlert';

const text = {
  title: 'Nouvelle version',
  intro:
    'Remplacez le fichier par une version à jour : le lien public éventuel donnera la nouvelle version, l’historique garde les précédentes.',
  file: 'Fichier de la nouvelle version',
  submit: 'Envoyer la nouvelle version',
  pending: 'Envoi…',
  noFile: 'Choisissez d’abord un fichier.',
  progress: 'Envoi de la nouvelle version',
  saved: (n: number) => `La version ${n} est enregistrée.`,
  refused: 'La nouvelle version a été refusée :',
};

/** Uploads a replacement file; the server refuses the same bytes as an earlier version (409). */
export function NewVersionForm({ document, onSaved }: { document: DocumentItem; onSaved(document: DocumentItem, notice: string): void }) {
  const csrfToken = useCsrfToken() ?? '';
  const inputRef = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number>();
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    setError(undefined);
    if (!file) {
      setError(text.noFile);
      inputRef.current?.focus();
      return;
    }
    setPercent(0);
    try {
      const onProgress = (sent: number, total: number) => setPercent(Math.min(99, Math.round((sent / total) * 100)));
      const upload = uploadFile<{ document: DocumentItem }>({
        url: `/api/documents/${document.id}/versions`,
        fields: {},
        file,
        csrfToken,
        onProgress,
      });
      const { document: saved } = await upload.done;
      onSaved(saved, text.saved(saved.currentVersion?.number ?? 0));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setPercent(undefined);
    }
  }

  const isPending = percent !== undefined;
  return (
    <section aria-labelledby="nouvelle-version" className="panel">
      <h3 id="nouvelle-version">{text.title}</h3>
      <p>{text.intro}</p>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <FormAlert lead={text.refused} message={error} />
        <div className="field">
          <label htmlFor="version-fichier">{text.file}</label>
          <input ref={inputRef} id="version-fichier" type="file" disabled={isPending} />
        </div>
        {isPending && <progress max={100} value={percent} aria-label={text.progress} />}
        <div className="actions">
          <button type="submit" className="button" disabled={isPending}>
            {isPending ? text.pending : text.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
