import { Link } from 'react-router';
import { pagePaths } from '../routes';
import { Table } from '../ui/Table';
import { isUsed, placeFieldText, placeText, usageOf } from './placeText';
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
};

export type PlaceAction = 'edit' | 'deactivate' | 'reactivate' | 'remove';

interface Props {
  kind: PlaceKind;
  places: Place[];
  onAction(action: PlaceAction, place: Place): void;
}

/** The places of one kind: name, code (a Maison's city and phone), state, what uses it, and its actions. */
export function PlacesTable({ kind, places, onAction }: Props) {
  const isMaison = kind === 'maisons';
  const columns = [
    placeFieldText.name,
    placeFieldText.code,
    ...(isMaison ? [placeFieldText.city, text.phone] : []),
    text.state,
    text.usage,
    text.actions,
  ];
  return (
    <Table caption={placeText[kind].caption} columns={columns}>
      {places.map((place) => (
        <tr key={place.id}>
          <th scope="row" className="break">
            {place.name}
          </th>
          <td className="nowrap">{place.code}</td>
          {isMaison && <td>{place.city}</td>}
          {isMaison && <td className="nowrap">{place.phone ?? ''}</td>}
          <td>
            <span className={`badge ${place.isActive ? 'badge--active' : 'badge--inactive'}`}>
              {place.isActive ? text.active : text.inactive}
            </span>
          </td>
          <td>
            <PlaceUsage kind={kind} place={place} />
          </td>
          <td>
            <PlaceActions place={place} onAction={(action) => onAction(action, place)} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

function PlaceUsage({ kind, place }: { kind: PlaceKind; place: Place }) {
  return (
    <>
      {usageOf(place) || text.unused}
      {place.references.users > 0 && (
        <span className="table__hint">
          <Link to={`${pagePaths.adminUsers}?${placeText[kind].usersFilter}=${encodeURIComponent(place.id)}`}>
            {text.seeUsers}
            <span className="visually-hidden"> ({place.name})</span>
          </Link>
        </span>
      )}
    </>
  );
}

function PlaceActions({ place, onAction }: { place: Place; onAction(action: PlaceAction): void }) {
  return (
    <div className="row-actions">
      <button type="button" className="button button--secondary" onClick={() => onAction('edit')}>
        {text.edit}
        <span className="visually-hidden"> {place.name}</span>
      </button>
      <button type="button" className="button button--secondary" onClick={() => onAction(place.isActive ? 'deactivate' : 'reactivate')}>
        {place.isActive ? text.deactivate : text.reactivate}
        <span className="visually-hidden"> {place.name}</span>
      </button>
      {isUsed(place) ? (
        <span className="table__hint">{text.cannotRemove}</span>
      ) : (
        <button type="button" className="button button--danger" onClick={() => onAction('remove')}>
          {text.remove}
          <span className="visually-hidden"> {place.name}</span>
        </button>
      )}
    </div>
  );
}
