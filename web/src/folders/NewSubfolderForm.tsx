import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { sendJson } from '../api';
import { messageOf } from '../ui/hooks';
import { linkTo } from '../routes';
import { useSession } from '../auth/session';
import type { Folder } from './types';
import { TextField } from '../ui/Fields';

const text = {
  label: 'Nom du nouveau sous-dossier',
  submit: 'Créer le sous-dossier',
  pending: 'Création…',
  created: (name: string) => `Sous-dossier « ${name} » créé.`,
};

/** A sub-folder inside a scheme (or inside one of its sub-folders): a name is enough. */
export function NewSubfolderForm({ parentId }: { parentId: string }) {
  const { session } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [isPending, setIsPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsPending(true);
    setError(undefined);
    try {
      const csrfToken = session.status === 'signedIn' ? session.csrfToken : undefined;
      const { folder } = await sendJson<{ folder: Folder }>('POST', '/api/folders', { name, parentId }, csrfToken);
      await navigate(linkTo.folder(folder.id), { state: { notice: text.created(folder.name) } });
    } catch (e) {
      setError(messageOf(e));
      setIsPending(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField id="nouveau-sous-dossier" label={text.label} value={name} onChange={setName} error={error} required />
      <button type="submit" className="button button--secondary" disabled={isPending}>
        {isPending ? text.pending : text.submit}
      </button>
      {error && (
        <p role="alert" className="visually-hidden">
          {error}
        </p>
      )}
    </form>
  );
}
