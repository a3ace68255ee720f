import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { pagePaths } from '../routes';
import { SelectField, TextField } from '../ui/Fields';
import type { AdminUser, AuditVocabulary } from './types';

const text = {
  label: 'Filtrer le journal',
  actor: 'Acteur',
  anyActor: 'Tous les acteurs',
  action: 'Action',
  anyAction: 'Toutes les actions',
  objectType: 'Type d’objet',
  anyType: 'Tous les types',
  from: 'Du',
  to: 'Au',
  fromHint: 'Premier jour inclus.',
  toHint: 'Dernier jour inclus.',
  toBeforeFrom: 'La fin de la période précède son début.',
  apply: 'Filtrer',
  clear: 'Effacer les filtres',
};

export const auditFilterKeys = ['actor', 'action', 'objectType', 'from', 'to'] as const;
export type AuditFilters = Partial<Record<(typeof auditFilterKeys)[number], string>>;

const optionsOf = (choices: { code: string; label: string }[], any: string, current?: string) => [
  { value: '', label: any },
  ...[...choices].sort((a, b) => a.label.localeCompare(b.label, 'fr')).map((choice) => ({ value: choice.code, label: choice.label })),
  // A code given in the address that the server does not name stays selectable.
  ...(current && !choices.some((choice) => choice.code === current) ? [{ value: current, label: current }] : []),
];

/** Who, what and on which kind of object: the three choice lists of the filters. */
function AuditChoiceFields({
  filters,
  initial,
  users,
  vocabulary,
  set,
}: {
  filters: AuditFilters;
  initial: AuditFilters;
  users: AdminUser[];
  vocabulary: AuditVocabulary;
  set(key: keyof AuditFilters): (value: string) => void;
}) {
  const actors = [...users].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
  return (
    <div className="field-row">
      <SelectField
        id="journal-acteur"
        label={text.actor}
        value={filters.actor ?? ''}
        onChange={set('actor')}
        options={[
          { value: '', label: text.anyActor },
          ...actors.map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` })),
        ]}
      />
      <SelectField
        id="journal-action"
        label={text.action}
        value={filters.action ?? ''}
        onChange={set('action')}
        options={optionsOf(vocabulary.actions, text.anyAction, initial.action)}
      />
      <SelectField
        id="journal-type"
        label={text.objectType}
        value={filters.objectType ?? ''}
        onChange={set('objectType')}
        options={optionsOf(vocabulary.objectTypes, text.anyType, initial.objectType)}
      />
    </div>
  );
}

/** The audit trail's filters: who, what, on which kind of object, over which days. */
/** The actions and object types come from the server, in the words of the trail itself. */
export function AuditFilterForm({
  initial,
  users,
  vocabulary,
  onApply,
}: {
  initial: AuditFilters;
  users: AdminUser[];
  vocabulary: AuditVocabulary;
  onApply(filters: AuditFilters): void;
}) {
  const [filters, setFilters] = useState<AuditFilters>(initial);
  const [periodError, setPeriodError] = useState('');
  const set = (key: keyof AuditFilters) => (value: string) => {
    setFilters((current) => ({ ...current, [key]: value }));
    if (key === 'from' || key === 'to') setPeriodError('');
  };
  const hasFilters = Object.values(initial).some(Boolean);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (filters.from && filters.to && filters.to < filters.from) {
      setPeriodError(text.toBeforeFrom);
      document.getElementById('journal-au')?.focus();
      return;
    }
    onApply(filters);
  }

  return (
    <form className="admin-filters" role="search" aria-label={text.label} onSubmit={submit} noValidate>
      <AuditChoiceFields filters={filters} initial={initial} users={users} vocabulary={vocabulary} set={set} />
      <div className="field-row">
        <TextField
          isErrorAnnounced
          id="journal-du"
          type="date"
          label={text.from}
          hint={text.fromHint}
          value={filters.from ?? ''}
          onChange={set('from')}
        />
        <TextField
          isErrorAnnounced
          id="journal-au"
          type="date"
          label={text.to}
          hint={text.toHint}
          value={filters.to ?? ''}
          onChange={set('to')}
          error={periodError || undefined}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {text.apply}
        </button>
        {hasFilters && <Link to={pagePaths.adminAudit}>{text.clear}</Link>}
      </div>
    </form>
  );
}
