import { createHash } from 'node:crypto';
import { escapeHtml } from '../http/escapeHtml';
import { availabilityLabels } from './labels';

/**
 * The citizen's pages, rendered by the server: tiny, readable on a phone, French, no script, a
 * strict CSP (the one stylesheet allowed by its hash).
 */
const style = `body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1e1e1e;background:#f6f6f6;line-height:1.5}
header{background:#1d4e89;color:#fff;padding:.75rem 1rem}header p{margin:0;font-weight:700}
main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:60vh}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1.5rem 0}
.button{display:inline-block;padding:.75rem 1.25rem;border-radius:4px;border:2px solid #1d4e89;font-weight:600;text-decoration:none;font-size:1.05rem}
.button--primary{background:#1d4e89;color:#fff}.button--secondary{background:#fff;color:#123358}
a{color:#123358}a:focus-visible{outline:3px solid #c2410c;outline-offset:2px}
.meta{color:#4a4a4a;font-size:.95rem}.badge{display:inline-block;padding:.1rem .5rem;border:1px solid #4a4a4a;border-radius:1rem;font-size:.85rem}
footer{max-width:40rem;margin:0 auto;padding:1rem;font-size:.9rem;color:#4a4a4a}`;

export const pageCsp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function layout(regionName: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} — ${escapeHtml(regionName)}</title>
<style>${style}</style>
</head>
<body>
<header><p>${escapeHtml(regionName)}</p></header>
<main id="contenu">
${body}
</main>
<footer><p>Document diffusé par ${escapeHtml(regionName)} avec L'info pour tous.</p></footer>
</body>
</html>`;
}

export interface SharedDocumentView {
  title: string;
  summary: string;
  updatedAt: Date;
  fileLabel: string;
  scheme: { name: string; promise: string; availability: string; contact: { service: string | null; email: string | null; phone: string | null } } | null;
  readUrl: string;
  downloadUrl: string;
}

// Made once: building a formatter costs a hundred times more than using it.
const longDateFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
const dateFr = (date: Date) => longDateFr.format(date);

export function sharedDocumentPage(regionName: string, view: SharedDocumentView): string {
  const scheme = view.scheme;
  const contact = scheme
    ? [
        scheme.contact.service ? `<li>${escapeHtml(scheme.contact.service)}</li>` : '',
        scheme.contact.email ? `<li>Courriel : <a href="mailto:${escapeHtml(scheme.contact.email)}">${escapeHtml(scheme.contact.email)}</a></li>` : '',
        scheme.contact.phone ? `<li>Téléphone : <a href="tel:${escapeHtml(scheme.contact.phone.replace(/[^+\d]/g, ''))}">${escapeHtml(scheme.contact.phone)}</a></li>` : '',
      ].join('')
    : '';
  return layout(
    regionName,
    view.title,
    `<h1>${escapeHtml(view.title)}</h1>
${view.summary ? `<p>${escapeHtml(view.summary)}</p>` : ''}
<p class="meta">Mis à jour le ${escapeHtml(dateFr(view.updatedAt))} · ${escapeHtml(view.fileLabel)}</p>
<div class="actions">
<a class="button button--primary" href="${escapeHtml(view.readUrl)}">Lire</a>
<a class="button button--secondary" href="${escapeHtml(view.downloadUrl)}">Télécharger</a>
</div>
${
  scheme
    ? `<section aria-labelledby="dispositif"><h2 id="dispositif">Le dispositif : ${escapeHtml(scheme.name)}</h2>
${scheme.promise ? `<p>${escapeHtml(scheme.promise)}</p>` : ''}
<p><span class="badge">${escapeHtml(availabilityLabels[scheme.availability] ?? scheme.availability)}</span></p>
${contact ? `<h2>Qui contacter</h2><ul>${contact}</ul>` : ''}</section>`
    : ''
}`,
  );
}

export function goneSharePage(regionName: string, contact: string): string {
  return layout(
    regionName,
    "Ce document n'est plus diffusé",
    `<h1>Ce document n'est plus diffusé</h1>
<p>Le lien que vous avez suivi ne mène plus à un document : il a été retiré, remplacé ou a expiré.</p>
<p>${escapeHtml(contact)}</p>`,
  );
}

export function unknownSharePage(regionName: string, contact: string): string {
  return layout(
    regionName,
    'Lien introuvable',
    `<h1>Lien introuvable</h1>
<p>Ce lien ne correspond à aucun document. Vérifiez qu'il a été recopié en entier.</p>
<p>${escapeHtml(contact)}</p>`,
  );
}

export function tooManyRequestsPage(regionName: string): string {
  return layout(regionName, 'Trop de demandes', '<h1>Trop de demandes</h1>\n<p>Vous avez ouvert beaucoup de liens en peu de temps. Patientez une minute, puis réessayez.</p>');
}

export function forbiddenFilePage(regionName: string): string {
  return layout(regionName, 'Lien de fichier expiré', "<h1>Lien de fichier expiré</h1>\n<p>Ce lien de téléchargement n'est plus valable. Revenez à la page du document et cliquez de nouveau sur « Lire » ou « Télécharger ».</p>");
}
