import { useId, useState } from 'react';
import { useMediaQuery } from '../ui/hooks';
import { aidTypeLabels, audienceLabels, availabilityLabels, docTypeLabels, fileTypeLabel, scopeLabels } from '../ui/labels';
import { facetChoices, facetNames, hasFilters, selectedIn, toggleFilter, type Baselines, type Criteria, type FacetName } from './criteria';
import type { FacetCounts } from './types';

const text = {
  title: 'Affiner',
  toggle: (n: number) => (n === 0 ? 'Filtres' : `Filtres (${n})`),
  includeClosed: 'Inclure les dispositifs clos',
  clear: 'Effacer les filtres',
  legends: {
    theme: 'Thème',
    audience: 'Public',
    aidType: "Type d'aide",
    availability: 'Disponibilité',
    docType: 'Type de document',
    directorate: 'Direction',
    scope: 'Diffusion',
    fileType: 'Type de fichier',
  } satisfies Record<FacetName, string>,
};

/** Names of the values that are ids or codes (themes, directorates), from the API. */
export type ValueNames = Record<'theme' | 'directorate', Record<string, string>>;

const fixedLabels: Partial<Record<FacetName, Record<string, string>>> = {
  audience: audienceLabels,
  aidType: aidTypeLabels,
  availability: availabilityLabels,
  docType: docTypeLabels,
  scope: scopeLabels,
};

/** Labels in their usual order for coded facets; by name for themes, directorates and file types. */
function labelled(name: FacetName, choices: { value: string; count: number }[], names: ValueNames) {
  const labels = fixedLabels[name];
  const labelOf = (value: string) =>
    labels?.[value] ??
    (name === 'theme' || name === 'directorate' ? names[name][value] : name === 'fileType' ? fileTypeLabel(value) : undefined) ??
    value;
  const order = labels ? Object.keys(labels) : [];
  const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  return choices
    .map((choice) => ({ ...choice, label: labelOf(choice.value) }))
    .sort((a, b) => rank(a.value) - rank(b.value) || a.label.localeCompare(b.label, 'fr'));
}

interface Props {
  criteria: Criteria;
  facets: FacetCounts;
  baselines: Baselines;
  names: ValueNames;
  onChange(criteria: Criteria): void;
}

/** Tablets and phones: the filters fold into a bar, so that the results come first. */
export const narrowScreen = '(max-width: 1024px)';

/** The number of filters in force (each ticked value, and "include closed"). */
export const activeFilterCount = (criteria: Criteria) =>
  facetNames.reduce((n, name) => n + selectedIn(criteria, name).length, criteria.includeClosed ? 1 : 0);

/**
 * The filters: a column beside the results on a wide screen; on a tablet or phone a compact bar
 * whose "Filtres (n)" button opens them (a disclosure) above the results.
 */
export function FilterPanel(props: Props) {
  const isNarrow = useMediaQuery(narrowScreen);
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  if (!isNarrow) return <Filters {...props} />;
  const n = activeFilterCount(props.criteria);
  return (
    <div className="filter-bar">
      <p className="filter-bar__row">
        <button
          type="button"
          className="button button--secondary filter-bar__toggle"
          aria-expanded={isOpen}
          aria-controls={panelId}
          onClick={() => setIsOpen(!isOpen)}
        >
          <span aria-hidden="true" className="link-button__icon">
            {isOpen ? '▾' : '▸'}
          </span>
          {text.toggle(n)}
        </button>
      </p>
      <div id={panelId} hidden={!isOpen} className="filter-bar__panel">
        <Filters {...props} />
      </div>
    </div>
  );
}

/** One group of checkboxes per facet, with the number of documents of each value. */
export function Filters({ criteria, facets, baselines, names, onChange }: Props) {
  return (
    <section aria-labelledby="filtres-titre" className="filters">
      <h2 id="filtres-titre">{text.title}</h2>
      <div className="choice">
        <input
          type="checkbox"
          id="filtre-clos"
          checked={criteria.includeClosed}
          onChange={(event) => onChange({ ...criteria, includeClosed: event.target.checked })}
        />
        <label htmlFor="filtre-clos">{text.includeClosed}</label>
      </div>
      {facetNames.map((name) => {
        const choices = labelled(name, facetChoices(name, criteria, facets, baselines), names);
        if (choices.length === 0) return null;
        const selected = selectedIn(criteria, name);
        return (
          <fieldset key={name} className="choices facet">
            <legend>{text.legends[name]}</legend>
            {choices.map((choice) => {
              const id = `filtre-${name}-${choice.value}`;
              return (
                <div key={choice.value} className="choice">
                  <input
                    type="checkbox"
                    id={id}
                    checked={selected.includes(choice.value)}
                    onChange={(event) => onChange(toggleFilter(criteria, name, choice.value, event.target.checked))}
                  />
                  <label htmlFor={id}>
                    {choice.label} <span className="facet__count">({choice.count})</span>
                  </label>
                </div>
              );
            })}
          </fieldset>
        );
      })}
      {hasFilters(criteria) && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange({ ...criteria, filters: {}, includeClosed: false })}
          >
            {text.clear}
          </button>
        </p>
      )}
    </section>
  );
}
