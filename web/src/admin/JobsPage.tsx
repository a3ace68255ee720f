import { useState } from 'react';
import { sendJson } from '../api';
import { JobsTable } from './JobsTable';
import type { Job, JobStatus } from './types';
import { messageOf, useCsrfToken, usePageTitle, useResource } from '../ui/hooks';

const text = {
  title: 'Tâches',
  intro:
    'Les tâches de fond : mise à jour de l’index de recherche après chaque écriture, nettoyage des fichiers supprimés. Une tâche qui échoue est retentée plusieurs fois, puis reste en échec jusqu’à ce qu’on la relance.',
  countsHeading: 'Tâches par état',
  statuses: { queued: 'En attente', running: 'En cours', done: 'Terminées', dead: 'En échec' } satisfies Record<JobStatus, string>,
  failedHeading: 'Tâches en échec',
  loading: 'Chargement des tâches…',
  noFailed: 'Aucune tâche en échec.',
  retried: (job: Job) => `La tâche n° ${job.id} est relancée : elle repart dans la file d’attente.`,
};

/** For administrators: the jobs queue by status, the failed jobs with their error, and a retry (GET /api/jobs, POST /api/jobs/:id/retry). */
export function JobsPage() {
  usePageTitle(text.title);
  const csrfToken = useCsrfToken();
  const loaded = useResource<{ jobs: Job[]; counts: Partial<Record<JobStatus, number>> }>('/api/jobs?status=dead');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  async function retry(job: Job) {
    setNotice('');
    setError('');
    try {
      await sendJson('POST', `/api/jobs/${job.id}/retry`, {}, csrfToken);
      setNotice(text.retried(job));
      // The row leaves the list: focus goes to its heading rather than to the page's top.
      document.getElementById('taches-echec')?.focus();
      loaded.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const statuses = Object.keys(text.statuses) as JobStatus[];
  return (
    <>
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      {loaded.error && (
        <p role="alert" className="alert alert--error">
          {loaded.error}
        </p>
      )}
      {!loaded.data && !loaded.error && <p role="status">{text.loading}</p>}
      {loaded.data && (
        <section aria-labelledby="taches-etats">
          <h2 id="taches-etats">{text.countsHeading}</h2>
          <dl className="job-counts">
            {statuses.map((status) => (
              <div key={status} className={`job-counts__item job-counts__item--${status}`}>
                <dt>{text.statuses[status]}</dt>
                <dd>{loaded.data?.counts[status] ?? 0}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="taches-echec">
        <h2 id="taches-echec" tabIndex={-1} className="admin-target">
          {text.failedHeading}
        </h2>
        <div role="status">{notice && <p className="alert alert--success">{notice}</p>}</div>
        {error && (
          <p role="alert" className="alert alert--error">
            {error}
          </p>
        )}
        {loaded.data &&
          (loaded.data.jobs.length === 0 ? (
            <p>{text.noFailed}</p>
          ) : (
            <JobsTable jobs={loaded.data.jobs} onRetry={(job) => void retry(job)} />
          ))}
      </section>
    </>
  );
}
