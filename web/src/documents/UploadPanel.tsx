import { useEffect, useRef, useState, type DragEvent } from 'react';
import { getJson, sendJson } from '../api';
import { docTypeLabels, scopeHelp, scopeLabels, statusLabels } from '../ui/labels';
import { messageOf } from '../ui/hooks';
import { useSession } from '../auth/session';
import type { DocumentItem, DocumentStatus, Scope } from './types';
import { uploadFile } from './upload';
import { choicesOf, RadioGroup, SelectField } from '../ui/Fields';
import { UploadList, type UploadItem } from './UploadList';

const text = {
  title: 'Déposer des documents',
  intro:
    'Choisissez d’abord les options, elles s’appliquent aux fichiers envoyés ensuite. Le titre de chaque document est lu dans le fichier, son type est suggéré d’après lui : vous pouvez les changer document par document.',
  docType: 'Type de document',
  suggested: 'Suggéré pour chaque fichier',
  suggestedHint: 'D’après le nom et la première page du fichier ; modifiable ci-dessous, fichier par fichier.',
  scope: 'Diffusion',
  status: 'Statut à l’envoi',
  statusHints: { draft: 'Visible seulement par votre direction.', published: 'Visible par tous les agents des Maisons de Région.' },
  drop: 'Glissez-déposez vos fichiers ici',
  or: 'ou',
  picker: 'Choisir des fichiers à envoyer',
  formats: 'Formats acceptés : PDF, Word, Writer, Excel, Calc, PowerPoint, Impress, texte, PNG et JPEG. Plusieurs fichiers à la fois.',
  dropping: 'Déposez les fichiers pour les envoyer',
};

/** While the worker reads a new file (its title and type may change), its line asks again, this often, this many times. */
const refreshEveryMs = 1500;
const maxRefreshes = 40;

const accept = '.pdf,.docx,.odt,.xlsx,.ods,.pptx,.odp,.txt,.md,.png,.jpg,.jpeg';
let nextKey = 0;

/** A random key per upload (crypto.randomUUID needs a secure context: plain http on a network address has none). */
const newUploadKey = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('')}`;

/** What applies to the files sent next: a type (or one suggested per file), a scope, a status. */
interface Options {
  docType: string;
  scope: Scope;
  status: DocumentStatus;
}

/** Follows new documents until the worker has read their files; lines whose type the editor chose are left as they are. */
function useExtractionFollower(update: (key: string, change: Partial<UploadItem>) => void, onUploaded: (document: DocumentItem) => void) {
  /** Lines whose type the editor chose: the worker's reading no longer updates them. */
  const chosen = useRef(new Set<string>());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  /** Follows a new document until the worker has read its file, for the title and type it read there. */
  function follow(key: string, documentId: string, attempt = 0) {
    if (attempt >= maxRefreshes) return;
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      void getJson<{ document: DocumentItem }>(`/api/documents/${documentId}`).then(
        ({ document }) => {
          if (!chosen.current.has(key)) update(key, { document });
          if (document.currentVersion?.extractionStatus === 'pending') follow(key, documentId, attempt + 1);
          // Read: the folder's list shows the title and type the file gave.
          else onUploaded(document);
        },
        () => follow(key, documentId, attempt + 1),
      );
    }, refreshEveryMs);
    timers.current.add(timer);
  }
  const choose = (key: string) => chosen.current.add(key);
  return { choose, follow };
}

/**
 * Upload into a scheme or sub-folder: options first, then a file picker (keyboard) or a drop
 * zone (mouse), several files at once, each with its own progress bar, status and error.
 */
export function UploadPanel({ folderId, onUploaded }: { folderId: string; onUploaded(document: DocumentItem): void }) {
  const { session } = useSession();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const [options, setOptions] = useState<Options>({ docType: '', scope: 'internal', status: 'draft' });
  const [items, setItems] = useState<UploadItem[]>([]);

  const update = (key: string, change: Partial<UploadItem>) =>
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const { choose, follow } = useExtractionFollower(update, onUploaded);

  async function changeType(key: string, document: DocumentItem, value: string) {
    choose(key);
    update(key, { document: { ...document, docType: value, isDocTypeSuggested: false }, typeError: undefined });
    try {
      const { document: saved } = await sendJson<{ document: DocumentItem }>(
        'PATCH',
        `/api/documents/${document.id}`,
        { docType: value },
        csrfToken,
      );
      update(key, { document: saved });
      onUploaded(saved);
    } catch (error) {
      update(key, { document, typeError: messageOf(error) });
    }
  }

  function send(files: File[]) {
    // Without a type, the server suggests one per file (server/documents/docTypeSuggestion.ts).
    const { docType, scope, status } = options;
    const fields = { folderId, ...(docType ? { docType } : {}), scope, status };
    const added = files.map((file) => ({
      key: `envoi-${nextKey++}`,
      name: file.name,
      size: file.size,
      percent: 0,
      state: 'sending' as const,
      file,
    }));
    setItems((all) => [...added.map(({ file: _file, ...item }) => item), ...all]);
    for (const { key, file } of added) {
      const onProgress = (sent: number, total: number) => update(key, { percent: Math.min(99, Math.round((sent / total) * 100)) });
      // One key per file: a retry of this very upload gets its document instead of a second one.
      uploadFile<{ document: DocumentItem }>({
        url: '/api/documents',
        fields,
        file,
        csrfToken,
        onProgress,
        idempotencyKey: newUploadKey(),
      }).done.then(
        ({ document }) => {
          update(key, { state: 'done', percent: 100, document });
          onUploaded(document);
          if (document.currentVersion?.extractionStatus === 'pending') follow(key, document.id);
        },
        (error: unknown) => update(key, { state: 'failed', error: messageOf(error) }),
      );
    }
  }

  return (
    <section aria-labelledby="deposer" className="panel upload">
      <h2 id="deposer">{text.title}</h2>
      <p>{text.intro}</p>
      <UploadOptions options={options} onChange={setOptions} />
      <DropZone onFiles={send} />
      <UploadList items={items} onTypeChange={(item, value) => item.document && void changeType(item.key, item.document, value)} />
    </section>
  );
}

function UploadOptions({ options, onChange }: { options: Options; onChange(options: Options): void }) {
  const { docType, scope, status } = options;
  return (
    <div className="upload__options">
      <SelectField
        id="depot-type"
        label={text.docType}
        hint={docType ? undefined : text.suggestedHint}
        value={docType}
        onChange={(value) => onChange({ ...options, docType: value })}
        options={[{ value: '', label: text.suggested }, ...choicesOf(docTypeLabels)]}
      />
      <RadioGroup
        legend={text.scope}
        name="depot-diffusion"
        value={scope}
        onChange={(value) => onChange({ ...options, scope: value as Scope })}
        choices={(['internal', 'external'] as const).map((value) => ({ value, label: scopeLabels[value], hint: scopeHelp[value] }))}
      />
      <RadioGroup
        legend={text.status}
        name="depot-statut"
        value={status}
        onChange={(value) => onChange({ ...options, status: value as DocumentStatus })}
        choices={(['draft', 'published'] as const).map((value) => ({ value, label: statusLabels[value], hint: text.statusHints[value] }))}
      />
    </div>
  );
}

/** A file picker (keyboard) inside a drop zone (mouse); several files at once. */
function DropZone({ onFiles }: { onFiles(files: File[]): void }) {
  const [isDragging, setIsDragging] = useState(false);

  function handleDrop(event: DragEvent) {
    event.preventDefault();
    setIsDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  }

  return (
    <div
      className={`dropzone${isDragging ? ' dropzone--active' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setIsDragging(true);
      }}
      onDragLeave={(event) => !event.currentTarget.contains(event.relatedTarget as Node | null) && setIsDragging(false)}
      onDrop={handleDrop}
    >
      <p className="dropzone__title" aria-hidden="true">
        {isDragging ? text.dropping : text.drop}
      </p>
      <p aria-hidden="true">{text.or}</p>
      <label htmlFor="depot-fichiers" className="dropzone__label">
        {text.picker}
      </label>
      <input
        id="depot-fichiers"
        type="file"
        multiple
        accept={accept}
        aria-describedby="depot-formats"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <p id="depot-formats" className="field__hint">
        {text.formats}
      </p>
    </div>
  );
}
