import { useState } from 'react';
import { usePageTitle, useResource } from '../ui/hooks';
import { ReportList } from './ReportList';
import type { Report } from './types';

const text = {
  title: 'Signalements reçus',
  intro:
    'Ce que les agents des Maisons signalent sur les dispositifs et documents de votre direction. Passez-les « En cours », puis « Résolu » avec une réponse : l’agent la voit dans « Mes signalements ».',
  show: 'Afficher',
  open: 'À traiter (nouveaux et en cours)',
  all: 'Tous',
  loading: 'Chargement des signalements…',
};

/** The directorate's queue of reports (an admin: every directorate's). */
export function ReportsQueuePage() {
  usePageTitle(text.title);
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const reports = useResource<{ reports: Report[] }>(filter === 'open' ? '/api/reports?status=open' : '/api/reports');
  return (
    <>
      <h1>{text.title}</h1>
      <p>{text.intro}</p>
      <fieldset className="choices">
        <legend>{text.show}</legend>
        {(['open', 'all'] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="filtre" value={value} checked={filter === value} onChange={() => setFilter(value)} /> {text[value]}
          </label>
        ))}
      </fieldset>
      {reports.error && (
        <p role="alert" className="alert alert--error">
          {reports.error}
        </p>
      )}
      {reports.isLoading && <p role="status">{text.loading}</p>}
      {reports.data && (
        <ReportList
          reports={reports.data.reports}
          isEditable
          showReporter
          onSaved={(saved) => reports.replace({ reports: (reports.data?.reports ?? []).map((r) => (r.id === saved.id ? saved : r)) })}
        />
      )}
    </>
  );
}
