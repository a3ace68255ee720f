import { useState, type FormEvent } from 'react';
import { sendJson } from '../api';
import { messageOf, useCsrfToken } from '../ui/hooks';
import { scopeHelp, scopeLabels, statusLabels } from '../ui/labels';
import type { DocumentItem, DocumentStatus, Scope } from './types';
import { ReachNotice } from '../sharing/ReachNotice';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { RadioGroup } from '../ui/Fields';
import { FormAlert } from '../ui/FormAlert';

const text = {
  title: 'Diffusion et statut',
  scope: 'Diffusion',
  status: 'Statut',
  statusHints: {
    draft: 'Visible seulement par votre direction.',
    published: 'Visible par tous les agents des Maisons de Région, et trouvé par la recherche.',
  },
  externalTitle: 'Diffusion externe : un lien public',
  externalBody:
    'Un lien public sera créé pour ce document : toute personne qui le reçoit (par exemple l’usager reçu à l’accueil, par QR code ou par e-mail) pourra ouvrir et télécharger la version en cours, sans compte. Le lien cesse de fonctionner dès que le document redevient interne, est archivé ou supprimé.',
  externalDraft: 'Le document étant en brouillon, le lien ne fonctionnera qu’à sa publication.',
  archived: 'Ce document est archivé : choisissez « Brouillon » ou « Publié » pour le remettre en service.',
  save: 'Enregistrer la diffusion et le statut',
  pending: 'Enregistrement…',
  saved: 'La diffusion et le statut sont enregistrés.',
  refused: 'La diffusion n’a pas été enregistrée :',
  stopTitle: 'Arrêter la diffusion publique de ce document ?',
  stopBody: 'Son lien public cessera de fonctionner dès l’enregistrement.',
  stopConfirm: 'Enregistrer et arrêter le lien',
};

/** Internal or external (with what "external" means for citizens), draft or published. */
export function PublishingForm({ document, onSaved }: { document: DocumentItem; onSaved(document: DocumentItem, notice: string): void }) {
  const csrfToken = useCsrfToken();
  const [scope, setScope] = useState<Scope>(document.scope);
  const [status, setStatus] = useState<DocumentStatus>(document.status);
  const [error, setError] = useState<string>();
  const [isPending, setIsPending] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  // A shared document made internal or put back to draft loses its public link: the editor confirms first.
  const isStoppingLink = document.isShared && (scope === 'internal' || status !== 'published');

  async function save() {
    const body = { scope, ...(status !== document.status ? { status } : {}) };
    const { document: saved } = await sendJson<{ document: DocumentItem }>('PATCH', `/api/documents/${document.id}`, body, csrfToken);
    onSaved(saved, text.saved);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isStoppingLink) {
      setIsConfirming(true);
      return;
    }
    setIsPending(true);
    setError(undefined);
    try {
      await save();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setIsPending(false);
    }
  }

  return (
    <section aria-labelledby="diffusion" className="panel">
      <h3 id="diffusion">{text.title}</h3>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <FormAlert lead={text.refused} message={error} />
        <RadioGroup
          legend={text.scope}
          name="diffusion"
          value={scope}
          onChange={(value) => setScope(value as Scope)}
          choices={(['internal', 'external'] as const).map((value) => ({ value, label: scopeLabels[value], hint: scopeHelp[value] }))}
        />
        <ExternalNotice scope={scope} status={status} />
        <RadioGroup
          legend={text.status}
          name="statut"
          value={status}
          onChange={(value) => setStatus(value as DocumentStatus)}
          hint={document.status === 'archived' ? text.archived : undefined}
          choices={(['draft', 'published'] as const).map((value) => ({ value, label: statusLabels[value], hint: text.statusHints[value] }))}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={isPending}>
            {isPending ? text.pending : text.save}
          </button>
        </div>
      </form>
      <ConfirmDialog
        isOpen={isConfirming}
        title={text.stopTitle}
        confirmLabel={text.stopConfirm}
        isDanger
        onConfirm={save}
        onClose={() => setIsConfirming(false)}
      >
        <p>{text.stopBody}</p>
        {isConfirming && <ReachNotice target={{ kind: 'document', id: document.id }} />}
      </ConfirmDialog>
    </section>
  );
}

/** What "external" means for citizens, told as soon as it is chosen. */
function ExternalNotice({ scope, status }: { scope: Scope; status: DocumentStatus }) {
  return (
    <div aria-live="polite">
      {scope === 'external' && (
        <div className="alert alert--info" id="explication-externe">
          <p>
            <strong>{text.externalTitle}</strong>
          </p>
          <p>{text.externalBody}</p>
          {status === 'draft' && <p>{text.externalDraft}</p>}
        </div>
      )}
    </div>
  );
}
