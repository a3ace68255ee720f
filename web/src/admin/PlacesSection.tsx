import { useState } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../api';
import { messageOf, useCsrfToken, useResource } from '../ui/hooks';
import { pagePaths } from '../routes';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { TextField } from '../ui/Fields';
import { FormDialog } from '../ui/FormDialog';
import { PlaceCreateForm } from './PlaceCreateForm';
import { isUsed, placeErrorsOf, placeFieldText, placeText, usageOf, type PlaceField, type PlaceFormErrors } from './placeText';
import type { Place, PlaceKind } from './types';

const text = {
  state: 'État',
  phone: 'Téléphone',
  usage: 'Utilisée par',
  actions: 'Actions',
  active: 'Active',
  inactive: 'Désactivée',
  unused: 'Rien',
  edit: 'Modifier',
  deactivate: 'Désactiver',
  reactivate: 'Réactiver',
  remove: 'Supprimer',
  cannotRemove: 'Suppression impossible tant qu’elle est utilisée : désactivez-la plutôt.',
  seeUsers: 'voir ses utilisateurs',
  loading: 'Chargement…',
  none: 'Aucune pour l’instant.',
  save: 'Enregistrer',
  editTitle: (the: string, place: Place) => `Modifier ${the} ${place.code}`,
  deactivateTitle: (the: string, place: Place) => `Désactiver ${the} « ${place.name} » ?`,
  removeTitle: (the: string, place: Place) => `Supprimer ${the} « ${place.name} » ?`,
  removeBody: 'Rien ne l’utilise. La suppression est définitive.',
  done: (the: string, place: Place, what: string) => `${the.charAt(0).toUpperCase()}${the.slice(1)} « ${place.name} » (${place.code}) est ${what}.`,
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
  const [draft, setDraft] = useState({ name: '', city: '', phone: '' });
  const [draftErrors, setDraftErrors] = useState<PlaceFormErrors>({ fields: {} });
  const headingId = `${kind}-titre`;
  const fields: PlaceField[] = kind === 'maisons' ? ['name', 'city', 'phone'] : ['name'];

  const patch = (place: Place, body: object) => sendJson<Record<string, Place>>('PATCH', `/api/admin/${kind}/${place.id}`, body, csrfToken);
  const done = (place: Place, what: string) => {
    setError('');
    setNotice(text.done(words.the, place, what));
    loaded.reload();
  };

  function open(action: Pending['action'], place: Place) {
    setNotice('');
    if (action === 'edit') {
      setDraft({ name: place.name, city: place.city ?? '', phone: place.phone ?? '' });
      setDraftErrors({ fields: {} });
    }
    setPending({ action, place });
  }

  async function saveEdit(place: Place): Promise<boolean> {
    try {
      // An empty phone is "none".
      const body = Object.fromEntries(fields.map((field) => [field, field === 'phone' ? draft.phone.trim() || null : draft[field as 'name' | 'city']]));
      const answer = await patch(place, body);
      done(Object.values(answer)[0] ?? place, 'modifiée');
      return true;
    } catch (e) {
      setDraftErrors(placeErrorsOf(e, fields));
      return false;
    }
  }

  async function reactivate(place: Place) {
    setNotice('');
    try {
      await patch(place, { isActive: true });
      done(place, 'réactivée');
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <section aria-labelledby={headingId} className="admin-places">
      <h2 id={headingId} tabIndex={-1} className="admin-target">
        {words.heading}
      </h2>
      <p role="status" className={notice ? 'alert alert--success' : undefined}>
        {notice}
      </p>
      {(error || loaded.error) && (
        <p role="alert" className="alert alert--error">
          {error || loaded.error}
        </p>
      )}
      {!places && !loaded.error && <p>{text.loading}</p>}
      {places && places.length === 0 && <p>{text.none}</p>}
      {places && places.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{words.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{placeFieldText.name}</th>
                <th scope="col">{placeFieldText.code}</th>
                {kind === 'maisons' && <th scope="col">{placeFieldText.city}</th>}
                {kind === 'maisons' && <th scope="col">{text.phone}</th>}
                <th scope="col">{text.state}</th>
                <th scope="col">{text.usage}</th>
                <th scope="col">{text.actions}</th>
              </tr>
            </thead>
            <tbody>
              {places.map((place) => (
                <tr key={place.id}>
                  <th scope="row" className="break">
                    {place.name}
                  </th>
                  <td className="nowrap">{place.code}</td>
                  {kind === 'maisons' && <td>{place.city}</td>}
                  {kind === 'maisons' && <td className="nowrap">{place.phone ?? ''}</td>}
                  <td>
                    <span className={`badge ${place.isActive ? 'badge--active' : 'badge--inactive'}`}>{place.isActive ? text.active : text.inactive}</span>
                  </td>
                  <td>
                    {usageOf(place) || text.unused}
                    {place.references.users > 0 && (
                      <span className="table__hint">
                        <Link to={`${pagePaths.adminUsers}?${words.usersFilter}=${encodeURIComponent(place.id)}`}>
                          {text.seeUsers}
                          <span className="visually-hidden"> ({place.name})</span>
                        </Link>
                      </span>
                    )}
                  </td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="button button--secondary" onClick={() => open('edit', place)}>
                        {text.edit}
                        <span className="visually-hidden"> {place.name}</span>
                      </button>
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => (place.isActive ? open('deactivate', place) : void reactivate(place))}
                      >
                        {place.isActive ? text.deactivate : text.reactivate}
                        <span className="visually-hidden"> {place.name}</span>
                      </button>
                      {isUsed(place) ? (
                        <span className="table__hint">{text.cannotRemove}</span>
                      ) : (
                        <button type="button" className="button button--danger" onClick={() => open('remove', place)}>
                          {text.remove}
                          <span className="visually-hidden"> {place.name}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PlaceCreateForm kind={kind} onCreated={(place) => done(place, 'ajoutée')} />

      <FormDialog
        isOpen={pending?.action === 'edit'}
        title={pending ? text.editTitle(words.the, pending.place) : ''}
        submitLabel={text.save}
        onSubmit={() => (pending ? saveEdit(pending.place) : Promise.resolve(true))}
        onClose={() => setPending(undefined)}
      >
        {draftErrors.form && (
          <p role="alert" className="alert alert--error">
            {draftErrors.form}
          </p>
        )}
        {fields.map((field) => (
          <TextField isErrorAnnounced
            key={field}
            id={`${kind}-modifier-${field}`}
            label={placeFieldText[field]}
            error={draftErrors.fields[field]}
            value={draft[field as 'name' | 'city' | 'phone']}
            onChange={(value) => setDraft((current) => ({ ...current, [field]: value }))}
            required={field !== 'phone'}
          />
        ))}
      </FormDialog>
      <ConfirmDialog
        isOpen={pending?.action === 'deactivate'}
        title={pending ? text.deactivateTitle(words.the, pending.place) : ''}
        confirmLabel={text.deactivate}
        onConfirm={async () => {
          if (!pending) return;
          await patch(pending.place, { isActive: false });
          done(pending.place, 'désactivée');
        }}
        onClose={() => setPending(undefined)}
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
        onClose={() => setPending(undefined)}
      >
        <p>{text.removeBody}</p>
      </ConfirmDialog>
    </section>
  );
}
