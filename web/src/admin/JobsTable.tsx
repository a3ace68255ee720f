import { formatDateTime } from '../ui/labels';
import type { Job } from './types';
import { Table } from '../ui/Table';

const text = {
  caption: 'Tâches en échec, de la plus récente à la plus ancienne',
  number: 'N°',
  type: 'Type',
  attempts: 'Essais',
  error: 'Erreur',
  failedAt: 'Dernier essai',
  action: 'Action',
  noError: 'Sans message',
  retry: 'Relancer',
  retryWhich: (job: Job) => ` la tâche n° ${job.id}`,
};

/** What a job does, in words; an unknown type shows as it is. */
const typeLabels: Record<string, string> = {
  'search.syncDocument': 'Indexer un document',
  'search.syncFolder': 'Indexer un dossier',
  'search.applySettings': 'Appliquer les réglages de la recherche',
  'search.refreshAvailability': 'Mettre à jour la disponibilité des dispositifs',
  'search.checkIndex': "Vérifier et réparer l'index de recherche",
  'search.rebuild': "Reconstruire l'index de recherche",
  'storage.cleanup': 'Supprimer les fichiers effacés',
  'digest.weekly': 'Préparer les résumés de la semaine',
  'digest.send': 'Envoyer le résumé de la semaine par e-mail',
};

/** The failed jobs: what they were, how often they were tried, their error, and "Relancer". */
export function JobsTable({ jobs, onRetry }: { jobs: Job[]; onRetry(job: Job): void }) {
  return (
    <Table
      caption={text.caption}
      columns={[text.number, text.type, { label: text.attempts, isNumber: true }, text.error, text.failedAt, text.action]}
    >
      {jobs.map((job) => (
        <tr key={job.id}>
          <th scope="row">{job.id}</th>
          <td>
            {typeLabels[job.type] ?? job.type}
            {typeLabels[job.type] && <span className="table__hint">{job.type}</span>}
          </td>
          <td className="table__number">
            {job.attempts} / {job.maxAttempts}
          </td>
          <td className="break">{job.lastError ? <code className="job-error">{job.lastError}</code> : text.noError}</td>
          <td>{formatDateTime(job.updatedAt)}</td>
          <td>
            <button type="button" className="button button--secondary" onClick={() => onRetry(job)}>
              {text.retry}
              <span className="visually-hidden">{text.retryWhich(job)}</span>
            </button>
          </td>
        </tr>
      ))}
    </Table>
  );
}
