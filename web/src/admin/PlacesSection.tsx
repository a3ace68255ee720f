import { useState } from 'react';
import { sendJson } from '../api';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { messageOf, useCsrfToken, useResource } from '../ui/hooks';
import { PlaceCreateForm } from './PlaceCreateForm';
import { PlaceEditDialog, usePlaceDraft } from './PlaceEditDialog';
import { placeText } from './placeText';
import { PlacesTable, type PlaceAction } from './PlacesTable';
import type { Place, PlaceKind } from './types';

const text = {
  loading: 'Chargement…',
  none: 'Aucune pour l’instant.',
  deactivate: 'Désactiver',
  remove: 'Supprimer',
  deactivateTitle: (the: string, place: Place) => `Désactiver ${the} « ${place.name} » ?`,
  removeTitle: (the: string, place: Place) => `Supprimer ${the} « ${place.name} » ?`,
  removeBody: 'Rien ne l’utilise. La suppression est définitive.',
  done: (the: string, place: Place, what: string) =>
    `${the.charAt(0).toUpperCase()}${the.slice(1)} « ${place.name} » (${place.code}) est ${what}.`,
};

type Pending = { action: 'edit' | 'deactivate' | 'remove'; place: Place };

/** One table of places (directorates or Maisons) with its create form, edit and confirmation dialogs. */
export function PlacesSection({ kind }: { kind: PlaceKind }) {
  const csrfToken = useCsrfToken();
  const words = placeText[kind];
  const loaded = useResource<Record<PlaceKind, Place[]>>(`/api/admin/${kind}`);
  const places = loaded.data?.[kind];
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [pending, setPending] = useState<Pending>();
  const draft = usePlaceDraft(kind);
  const headingId = `${kind}-titre`;

  const patch = (place: Place, body: object) => sendJson<Record<string, Place>>('PATCH', `/api/admin/${kind}/${place.id}`, body, csrfToken);
  const done = (place: Place, what: string) => {
    setError('');
    setNotice(text.done(words.the, place, what));
    loaded.reload();
  };

  async function reactivate(place: Place) {
    try {
      await patch(place, { isActive: true });
      done(place, 'réactivée');
    } catch (e) {
      setError(messageOf(e));
    }
  }

  function act(action: PlaceAction, place: Place) {
    setNotice('');
    if (action === 'reactivate') return void reactivate(place);
    if (action === 'edit') draft.start(place);
    setPending({ action, place });
  }

  const saveEdit = (place: Place) => draft.save(async (body) => done(Object.values(await patch(place, body))[0] ?? place, 'modifiée'));
  const pendingFor = (action: Pending['action']) => (pending?.action === action ? pending.place : undefined);
  const close = () => setPending(undefined);

  return (
    <section aria-labelledby={headingId} className="admin-places">
      <h2 id={headingId} tabIndex={-1} className="admin-target">
        {words.heading}
      </h2>
      <Outcome notice={notice} error={error || loaded.error} />
      {!places && !loaded.error && <p>{text.loading}</p>}
      {places && places.length === 0 && <p>{text.none}</p>}
      {places && places.length > 0 && <PlacesTable kind={kind} places={places} onAction={act} />}
      <PlaceCreateForm kind={kind} onCreated={(place) => done(place, 'ajoutée')} />
      <PlaceEditDialog kind={kind} place={pendingFor('edit')} draft={draft} onSubmit={saveEdit} onClose={close} />
      <ConfirmDialog
        isOpen={pending?.action === 'deactivate'}
        title={pending ? text.deactivateTitle(words.the, pending.place) : ''}
        confirmLabel={text.deactivate}
        onConfirm={async () => {
          if (!pending) return;
          await patch(pending.place, { isActive: false });
          done(pending.place, 'désactivée');
        }}
        onClose={close}
      >
        <p>{words.deactivateEffect}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={pending?.action === 'remove'}
        title={pending ? text.removeTitle(words.the, pending.place) : ''}
        confirmLabel={text.remove}
        isDanger
        fallbackFocusId={headingId}
        onConfirm={async () => {
          if (!pending) return;
          await sendJson('DELETE', `/api/admin/${kind}/${pending.place.id}`, undefined, csrfToken);
          done(pending.place, 'supprimée');
        }}
        onClose={close}
      >
        <p>{text.removeBody}</p>
      </ConfirmDialog>
    </section>
  );
}

/** What the last action did (announced politely), or why it failed. */
function Outcome({ notice, error }: { notice: string; error: string | undefined }) {
  return (
    <>
      <p role="status" className={notice ? 'alert alert--success' : undefined}>
        {notice}
      </p>
      {error && (
        <p role="alert" className="alert alert--error">
          {error}
        </p>
      )}
    </>
  );
}
