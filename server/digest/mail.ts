import escapeHtml from 'escape-html';
import type { MailMessage } from '../mail';
import { reportReasonLabels as reasonLabels, reportStatusLabels as statusLabels } from '../reports/labels';
import type { Digest } from './service';

const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const day = (iso: string) => longDate.format(new Date(`${iso}T12:00:00Z`));

/** An unanswered query as a line: its searches, its theme, and who handed it to the directorate, with their note. */
function queryLine(q: Digest['unansweredQueries'][number]) {
  const searches =
    q.searches > 0
      ? ` — ${q.searches} recherche${q.searches > 1 ? 's' : ''} (${q.theme?.name ?? 'sans thème'})`
      : ' — pas recherchée cette semaine';
  const assignment = q.assignment
    ? ` — confiée à votre direction par ${q.assignment.actedBy ?? 'un utilisateur supprimé'} le ${longDate.format(q.assignment.actedAt)}${q.assignment.note ? ` : « ${q.assignment.note} »` : ''}`
    : '';
  return `« ${q.query} »${searches}${assignment}`;
}

/** The lines of the digest, as plain text and as HTML list items. */
function sections(digest: Digest) {
  return [
    {
      title: `Recherches sans résultat dans vos thèmes ou confiées à votre direction (${digest.unansweredQueries.length})`,
      items: digest.unansweredQueries.slice(0, 20).map(queryLine),
    },
    {
      title: `Signalements ouverts (${digest.openReports.length})`,
      items: digest.openReports
        .slice(0, 20)
        .map((r) => `${reasonLabels[r.reason] ?? r.reason} — ${r.subject.name ?? ''} (${statusLabels[r.status] ?? r.status})`),
    },
    {
      title: `Fiches à vérifier (${digest.schemesToVerify.length})`,
      items: digest.schemesToVerify
        .slice(0, 20)
        .map((s) => `${s.name} — ${s.reviewDueOn ? `à vérifier depuis le ${day(s.reviewDueOn)}` : 'jamais vérifiée'}`),
    },
  ].filter((section) => section.items.length > 0);
}

/** The weekly digest as an e-mail to the directorate's editors; `pageUrl` links to its page when the app's address is known. */
export function digestMail(digest: Digest, to: string[], pageUrl: string | null): MailMessage {
  const parts = sections(digest);
  const subject = `L'info pour tous — votre semaine (${digest.directorate.name})`;
  const text = [
    `Bonjour,`,
    ``,
    `Voici ce qui attend la direction ${digest.directorate.name} cette semaine.`,
    ...parts.flatMap((section) => ['', section.title, ...section.items.map((item) => `- ${item}`)]),
    ...(pageUrl ? ['', `Tout voir : ${pageUrl}`] : []),
  ].join('\n');
  const html = [
    `<p>Bonjour,</p><p>Voici ce qui attend la direction ${escapeHtml(digest.directorate.name)} cette semaine.</p>`,
    ...parts.map(
      (section) => `<h2>${escapeHtml(section.title)}</h2><ul>${section.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
    ),
    pageUrl ? `<p><a href="${escapeHtml(pageUrl)}">Tout voir dans L'info pour tous</a></p>` : '',
  ].join('');
  return { to, subject, text, html };
}
