import { useState, type DragEvent } from 'react';
import { docTypeLabels, scopeHelp, scopeLabels, statusLabels } from '../labels';
import { messageOf } from '../hooks';
import { useSession } from '../session';
import type { DocumentItem, DocumentStatus, Scope } from '../types';
import { uploadFile } from '../upload';
import { choicesOf, RadioGroup, SelectField } from './Fields';
import { UploadList, type UploadItem } from './UploadList';

const text = {
  title: 'Déposer des documents',
  intro: 'Choisissez d’abord les options, elles s’appliquent aux fichiers envoyés ensuite. Vous pourrez les changer document par document.',
  docType: 'Type de document',
  scope: 'Diffusion',
  status: 'Statut à l’envoi',
  statusHints: { draft: 'Visible seulement par votre direction.', published: 'Visible par tous les agents des Maisons de Région.' },
  drop: 'Glissez-déposez vos fichiers ici',
  or: 'ou',
  picker: 'Choisir des fichiers à envoyer',
  formats: 'Formats acceptés : PDF, Word, Writer, Excel, Calc, PowerPoint, Impress, texte, PNG et JPEG. Plusieurs fichiers à la fois.',
  dropping: 'Déposez les fichiers pour les envoyer',
};

const accept = '.pdf,.docx,.odt,.xlsx,.ods,.pptx,.odp,.txt,.md,.png,.jpg,.jpeg';
let nextKey = 0;

/** A random key per upload (crypto.randomUUID needs a secure context: plain http on a network address has none). */
const newUploadKey = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('')}`);

/**
 * Upload into a scheme or sub-folder: options first, then a file picker (keyboard) or a drop
 * zone (mouse), several files at once, each with its own progress bar, status and error.
 */
export function UploadPanel({ folderId, onUploaded }: { folderId: string; onUploaded(document: DocumentItem): void }) {
  const { session } = useSession();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const [docType, setDocType] = useState('fiche_synthese');
  const [scope, setScope] = useState<Scope>('internal');
  const [status, setStatus] = useState<DocumentStatus>('draft');
  const [items, setItems] = useState<UploadItem[]>([]);
  const [isDragging, setIsDragging] = useState(false);

  const update = (key: string, change: Partial<UploadItem>) => setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));

  function send(files: File[]) {
    const fields = { folderId, docType, scope, status };
    const added = files.map((file) => ({ key: `envoi-${nextKey++}`, name: file.name, size: file.size, percent: 0, state: 'sending' as const, file }));
    setItems((all) => [...added.map(({ file: _file, ...item }) => item), ...all]);
    for (const { key, file } of added) {
      const onProgress = (sent: number, total: number) => update(key, { percent: Math.min(99, Math.round((sent / total) * 100)) });
      // One key per file: a retry of this very upload gets its document instead of a second one.
      uploadFile<{ document: DocumentItem }>({ url: '/api/documents', fields, file, csrfToken, onProgress, idempotencyKey: newUploadKey() }).done.then(
        ({ document }) => {
          update(key, { state: 'done', percent: 100, document });
          onUploaded(document);
        },
        (error: unknown) => update(key, { state: 'failed', error: messageOf(error) }),
      );
    }
  }

  function handleDrop(event: DragEvent) {
    event.preventDefault();
    setIsDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) send(files);
  }

  return (
    <section aria-labelledby="deposer" className="panel upload">
      <h2 id="deposer">{text.title}</h2>
      <p>{text.intro}</p>
      <div className="upload__options">
        <SelectField id="depot-type" label={text.docType} value={docType} onChange={setDocType} options={choicesOf(docTypeLabels)} />
        <RadioGroup
          legend={text.scope}
          name="depot-diffusion"
          value={scope}
          onChange={(value) => setScope(value as Scope)}
          choices={(['internal', 'external'] as const).map((value) => ({ value, label: scopeLabels[value], hint: scopeHelp[value] }))}
        />
        <RadioGroup
          legend={text.status}
          name="depot-statut"
          value={status}
          onChange={(value) => setStatus(value as DocumentStatus)}
          choices={(['draft', 'published'] as const).map((value) => ({ value, label: statusLabels[value], hint: text.statusHints[value] }))}
        />
      </div>
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
            if (files.length > 0) send(files);
          }}
        />
        <p id="depot-formats" className="field__hint">
          {text.formats}
        </p>
      </div>
      <UploadList items={items} />
    </section>
  );
}
