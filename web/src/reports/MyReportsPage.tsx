import { usePageTitle, useResource } from '../ui/hooks';
import { ReportList } from './ReportList';
import type { Report } from './types';

const text = {
  title: 'Mes signalements',
  intro: 'Les problèmes que vous avez signalés sur un dispositif ou un document, leur statut et la réponse de la direction.',
  loading: 'Chargement de vos signalements…',
};

/** An agent's own reports, with their status and the directorate's answer. */
export function MyReportsPage() {
  usePageTitle(text.title);
  const reports = useResource<{ reports: Report[] }>('/api/reports?mine=true');
  return (
    <>
      <h1>{text.title}</h1>
      <p>{text.intro}</p>
      {reports.error && (
        <p role="alert" className="alert alert--error">
          {reports.error}
        </p>
      )}
      {reports.isLoading && <p role="status">{text.loading}</p>}
      {reports.data && <ReportList reports={reports.data.reports} />}
    </>
  );
}
