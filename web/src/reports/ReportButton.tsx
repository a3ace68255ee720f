import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { sendJson } from '../api';
import { messageOf, useCsrfToken } from '../ui/hooks';
import { reportReasonLabels } from '../ui/labels';
import { useModalDialog } from '../ui/useModalDialog';
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
  commentHint: (max: number) =>
    `Ce que vous avez constaté, en quelques mots (${max.toLocaleString('fr-FR')} caractères au plus ; obligatoire pour « Autre »).`,
  remaining: (n: number) => `${n.toLocaleString('fr-FR')} caractères restants`,
  send: 'Envoyer le signalement',
  pending: 'Envoi…',
  cancel: 'Annuler',
  sent: (directorate: string) => `Merci : votre signalement est transmis à ${directorate}.`,
  follow: 'Suivre mes signalements',
};

const reasons = Object.keys(reportReasonLabels) as ReportReason[];

type Subject = { folderId: string } | { documentId: string };

/** "Signaler" on a scheme or a document: a reason, a comment, sent to the owning directorate. */
export function ReportButton({ subject, name }: { subject: Subject; name: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const [sent, setSent] = useState<string>();

  function open() {
    setSent(undefined);
    setIsOpen(true);
  }

  return (
    <>
      <button type="button" className="button button--secondary" onClick={open}>
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
      <ReportDialog
        isOpen={isOpen}
        subject={subject}
        name={name}
        onSent={(report) => setSent(text.sent(report.directorate.name))}
        onClose={() => setIsOpen(false)}
      />
    </>
  );
}

interface DialogProps {
  isOpen: boolean;
  subject: Subject;
  name: string;
  onSent(report: Report): void;
  onClose(): void;
}

/** The report form in a modal dialog; the reason and comment start afresh after a report is sent. */
function ReportDialog({ isOpen, subject, name, onSent, onClose }: DialogProps) {
  const csrfToken = useCsrfToken();
  const [reason, setReason] = useState<ReportReason>('inexact');
  const [comment, setComment] = useState('');
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string>();
  const titleId = useId();
  const aboutId = useId();
  const { dialogRef, handleClose, close } = useModalDialog({
    isOpen,
    onClose: () => {
      setError(undefined);
      onClose();
    },
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsPending(true);
    setError(undefined);
    try {
      const { report } = await sendJson<{ report: Report }>('POST', '/api/reports', { ...subject, reason, comment }, csrfToken);
      onSent(report);
      setComment('');
      setReason('inexact');
      close();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setIsPending(false);
    }
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} aria-describedby={aboutId} onClose={handleClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={titleId}>{text.title}</h2>
        <p id={aboutId}>{text.about(name)}</p>
        <ReasonChoices reason={reason} onChange={setReason} />
        <CommentField comment={comment} isRequired={reason === 'other'} onChange={setComment} />
        {error && (
          <p role="alert" className="alert alert--error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={close} disabled={isPending}>
            {text.cancel}
          </button>
          <button type="submit" className="button" disabled={isPending}>
            {isPending ? text.pending : text.send}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ReasonChoices({ reason, onChange }: { reason: ReportReason; onChange(reason: ReportReason): void }) {
  return (
    <fieldset className="choices">
      <legend>{text.reason}</legend>
      {reasons.map((code) => (
        <label key={code} className="choice">
          <input type="radio" name="reason" value={code} checked={reason === code} onChange={() => onChange(code)} />{' '}
          {reportReasonLabels[code]}
        </label>
      ))}
    </fieldset>
  );
}

function CommentField({ comment, isRequired, onChange }: { comment: string; isRequired: boolean; onChange(comment: string): void }) {
  const commentId = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={commentId}>{text.comment}</label>
      <span id={hintId} className="field__hint">
        {text.commentHint(commentMax)}
      </span>
      <textarea
        id={commentId}
        aria-describedby={hintId}
        rows={4}
        maxLength={commentMax}
        value={comment}
        onChange={(event) => onChange(event.target.value)}
        required={isRequired}
      />
      <span className="field__hint" aria-live="polite">
        {comment.length > commentMax - 200 ? text.remaining(commentMax - comment.length) : ''}
      </span>
    </div>
  );
}
