import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../api';
import { messageOf, useCsrfToken } from '../ui/hooks';
import { reportReasonLabels } from '../ui/labels';
import { pagePaths } from '../routes';
import type { Report, ReportReason } from './types';

export const commentMax = 2000;

const text = {
  open: 'Signaler',
  openNamed: (name: string) => ` un problème sur « ${name} »`,
  title: 'Signaler un problème',
  about: (name: string) => `Sur « ${name} ». La direction qui en est responsable recevra votre signalement et vous répondra.`,
  reason: 'Motif',
  comment: 'Commentaire',
  commentHint: (max: number) => `Ce que vous avez constaté, en quelques mots (${max.toLocaleString('fr-FR')} caractères au plus ; obligatoire pour « Autre »).`,
  remaining: (n: number) => `${n.toLocaleString('fr-FR')} caractères restants`,
  send: 'Envoyer le signalement',
  pending: 'Envoi…',
  cancel: 'Annuler',
  sent: (directorate: string) => `Merci : votre signalement est transmis à ${directorate}.`,
  follow: 'Suivre mes signalements',
};

const reasons = Object.keys(reportReasonLabels) as ReportReason[];

/** "Signaler" on a scheme or a document: a reason, a comment, sent to the owning directorate. */
export function ReportButton({ subject, name }: { subject: { folderId: string } | { documentId: string }; name: string }) {
  const csrfToken = useCsrfToken();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState<ReportReason>('inexact');
  const [comment, setComment] = useState('');
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const titleId = useId();
  const aboutId = useId();
  const commentId = useId();
  const hintId = useId();

  useEffect(() => () => dialogRef.current?.close(), []);

  function open() {
    setError(undefined);
    setSent(undefined);
    dialogRef.current?.showModal();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsPending(true);
    setError(undefined);
    try {
      const { report } = await sendJson<{ report: Report }>('POST', '/api/reports', { ...subject, reason, comment }, csrfToken);
      setSent(text.sent(report.directorate.name));
      setComment('');
      setReason('inexact');
      dialogRef.current?.close();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setIsPending(false);
    }
  }

  return (
    <>
      <button ref={openerRef} type="button" className="button button--secondary" onClick={open}>
        {text.open}
        <span className="visually-hidden">{text.openNamed(name)}</span>
      </button>
      <span role="status" className={sent ? 'alert alert--success' : undefined}>
        {sent && (
          <>
            {sent} <Link to={pagePaths.myReports}>{text.follow}</Link>
          </>
        )}
      </span>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} aria-describedby={aboutId} onClose={() => requestAnimationFrame(() => openerRef.current?.focus())}>
        <form onSubmit={(event) => void submit(event)}>
          <h2 id={titleId}>{text.title}</h2>
          <p id={aboutId}>{text.about(name)}</p>
          <fieldset className="choices">
            <legend>{text.reason}</legend>
            {reasons.map((code) => (
              <label key={code} className="choice">
                <input type="radio" name="reason" value={code} checked={reason === code} onChange={() => setReason(code)} /> {reportReasonLabels[code]}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={commentId}>{text.comment}</label>
            <span id={hintId} className="field__hint">
              {text.commentHint(commentMax)}
            </span>
            <textarea id={commentId} aria-describedby={hintId} rows={4} maxLength={commentMax} value={comment} onChange={(event) => setComment(event.target.value)} required={reason === 'other'} />
            <span className="field__hint" aria-live="polite">
              {comment.length > commentMax - 200 ? text.remaining(commentMax - comment.length) : ''}
            </span>
          </div>
          {error && (
            <p role="alert" className="alert alert--error">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={() => dialogRef.current?.close()} disabled={isPending}>
              {text.cancel}
            </button>
            <button type="submit" className="button" disabled={isPending}>
              {isPending ? text.pending : text.send}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
