import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { roleLabels } from '../auth/session';
import { SelectField, TextField } from '../ui/Fields';
import { pagePaths } from '../routes';
import type { Place } from './types';

const text = {
  legend: 'Filtrer les utilisateurs',
  q: 'Nom ou adresse e-mail',
  role: 'Rôle',
  anyRole: 'Tous les rôles',
  directorate: 'Direction',
  anyDirectorate: 'Toutes les directions',
  maison: 'Maison de Région',
  anyMaison: 'Toutes les Maisons',
  active: 'État du compte',
  anyState: 'Actifs et désactivés',
  activeOnly: 'Actifs',
  inactiveOnly: 'Désactivés',
  inactivePlace: (name: string) => `${name} (désactivée)`,
  apply: 'Filtrer',
  clear: 'Effacer les filtres',
};

export const userFilterKeys = ['q', 'role', 'directorate', 'maison', 'active'] as const;
export type UserFilters = Partial<Record<(typeof userFilterKeys)[number], string>>;

interface Props {
  initial: UserFilters;
  directorates: Place[];
  maisons: Place[];
  onApply(filters: UserFilters): void;
}

const placeOptions = (places: Place[], any: string) => [
  { value: '', label: any },
  ...places.map((place) => ({ value: place.id, label: place.isActive ? place.name : text.inactivePlace(place.name) })),
];

/** The users list's filters, applied together with "Filtrer". */
export function UserFilterForm({ initial, directorates, maisons, onApply }: Props) {
  const [filters, setFilters] = useState<UserFilters>(initial);
  const set = (key: keyof UserFilters) => (value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const hasFilters = Object.values(initial).some(Boolean);

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(filters);
  }

  return (
    <form className="admin-filters" onSubmit={submit} role="search" aria-label={text.legend}>
      <div className="field-row">
        <TextField id="filtre-texte" type="search" label={text.q} value={filters.q ?? ''} onChange={set('q')} />
        <SelectField
          id="filtre-role"
          label={text.role}
          value={filters.role ?? ''}
          onChange={set('role')}
          options={[{ value: '', label: text.anyRole }, ...Object.entries(roleLabels).map(([value, label]) => ({ value, label }))]}
        />
        <SelectField
          id="filtre-direction"
          label={text.directorate}
          value={filters.directorate ?? ''}
          onChange={set('directorate')}
          options={placeOptions(directorates, text.anyDirectorate)}
        />
        <SelectField
          id="filtre-maison"
          label={text.maison}
          value={filters.maison ?? ''}
          onChange={set('maison')}
          options={placeOptions(maisons, text.anyMaison)}
        />
        <SelectField
          id="filtre-etat"
          label={text.active}
          value={filters.active ?? ''}
          onChange={set('active')}
          options={[
            { value: '', label: text.anyState },
            { value: 'true', label: text.activeOnly },
            { value: 'false', label: text.inactiveOnly },
          ]}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {text.apply}
        </button>
        {hasFilters && <Link to={pagePaths.adminUsers}>{text.clear}</Link>}
      </div>
    </form>
  );
}
