import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../api';
import { messageOf, useCsrfToken } from '../ui/hooks';
import { formatDateTime, reportReasonLabels, reportStatusLabels } from '../ui/labels';
import { linkTo } from '../routes';
import type { Report, ReportStatus } from './types';
import { commentMax } from './ReportButton';

const text = {
  empty: 'Aucun signalement.',
  on: (kind: Report['subject']['kind']) => (kind === 'document' ? 'Document : ' : 'Dispositif : '),
  removed: '(supprimé)',
  sentBy: (name: string | null, maison: string | null, date: string) =>
    `Envoyé ${name ? `par ${name}` : ''}${maison ? ` (${maison})` : ''} le ${date}`,
  sentOn: (date: string) => `Envoyé le ${date}`,
  status: 'Statut : ',
  handled: (who: string | null, date: string) => `Traité ${who ? `par ${who} ` : ''}le ${date}`,
  answer: 'Réponse de la direction',
  noComment: 'Sans commentaire.',
  statusField: 'Statut',
  answerField: 'Réponse à l’agent',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  saved: 'Signalement mis à jour.',
};

function Subject({ report }: { report: Report }) {
  const { subject } = report;
  const to = subject.kind === 'document' ? linkTo.document(subject.id) : linkTo.folder(subject.id);
  return (
    <h3>
      {text.on(subject.kind)}
      {subject.name ? <Link to={to}>{subject.name}</Link> : text.removed}
    </h3>
  );
}

/** The editor's form: status and answer, saved together (PATCH /api/reports/:id). */
function HandleForm({ report, onSaved }: { report: Report; onSaved(report: Report): void }) {
  const csrfToken = useCsrfToken();
  const [status, setStatus] = useState<ReportStatus>(report.status);
  const [answer, setAnswer] = useState(report.answer ?? '');
  const [isPending, setIsPending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();
  const statusId = useId();
  const answerId = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    setIsPending(true);
    setMessage(undefined);
    try {
      const { report: saved } = await sendJson<{ report: Report }>(
        'PATCH',
        `/api/reports/${encodeURIComponent(report.id)}`,
        { status, answer },
        csrfToken,
      );
      onSaved(saved);
      setMessage({ kind: 'success', text: text.saved });
    } catch (e) {
      setMessage({ kind: 'error', text: messageOf(e) });
    } finally {
      setIsPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} className="field-row">
      <div className="field">
        <label htmlFor={statusId}>{text.statusField}</label>
        <select id={statusId} value={status} onChange={(event) => setStatus(event.target.value as ReportStatus)}>
          {(Object.keys(reportStatusLabels) as ReportStatus[]).map((code) => (
            <option key={code} value={code}>
              {reportStatusLabels[code]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={answerId}>{text.answerField}</label>
        <textarea id={answerId} rows={2} maxLength={commentMax} value={answer} onChange={(event) => setAnswer(event.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={isPending}>
          {isPending ? text.saving : text.save}
        </button>
        <span role={message?.kind === 'error' ? 'alert' : 'status'} className={message ? `alert alert--${message.kind}` : undefined}>
          {message?.text}
        </span>
      </div>
    </form>
  );
}

/**
 * Reports as a list: what, why, the agent's comment (text, never HTML), the status, the answer.
 * `isEditable`: the directorate's editors move each along and answer it.
 */
export function ReportList({
  reports,
  isEditable = false,
  showReporter = false,
  onSaved,
}: {
  reports: Report[];
  isEditable?: boolean;
  showReporter?: boolean;
  onSaved?(report: Report): void;
}) {
  if (reports.length === 0) return <p>{text.empty}</p>;
  return (
    <ul className="report-list">
      {reports.map((report) => (
        <li key={report.id}>
          <Subject report={report} />
          <p>
            <strong>{reportReasonLabels[report.reason]}</strong> — {text.status}
            <span className={`badge badge--report-${report.status}`}>{reportStatusLabels[report.status]}</span>
          </p>
          <p className="report-list__comment">{report.comment || text.noComment}</p>
          <p className="field__hint">
            {showReporter
              ? text.sentBy(report.reporter.name, report.reporter.maison, formatDateTime(report.createdAt))
              : text.sentOn(formatDateTime(report.createdAt))}
            {report.handledAt && ` · ${text.handled(report.handledBy, formatDateTime(report.handledAt))}`}
          </p>
          {report.answer && !isEditable && (
            <div className="report-list__answer">
              <strong>{text.answer}</strong>
              <p>{report.answer}</p>
            </div>
          )}
          {isEditable && report.can.update && <HandleForm report={report} onSaved={(saved) => onSaved?.(saved)} />}
        </li>
      ))}
    </ul>
  );
}
