import { createHash } from 'node:crypto';
import escapeHtml from 'escape-html';
import { availabilityLabels, endedLinkReasons } from './labels';
import type { MaisonForCitizens } from './maisonParameter';

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
.meta{color:#4a4a4a;font-size:.95rem}.maison{border-left:4px solid #1d4e89;padding:.25rem .75rem;margin:1rem 0}.documents{list-style:none;padding:0}.documents li{border-top:1px solid #d0d0d0;padding:.75rem 0}.documents .actions{margin:.5rem 0}.badge{display:inline-block;padding:.1rem .5rem;border:1px solid #4a4a4a;border-radius:1rem;font-size:.85rem}
footer{max-width:40rem;margin:0 auto;padding:1rem;font-size:.9rem;color:#4a4a4a}`;

export const pageCsp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function layout(regionName: string, title: string, body: string): string {
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
<footer><p>Page diffusée par ${escapeHtml(regionName)} avec L'info pour tous.</p></footer>
</body>
</html>`;
}

/** The referent's fields the card makes public; the others stay null. */
export interface PublicContact {
  name: string | null;
  service: string | null;
  email: string | null;
  phone: string | null;
}

export function publicContactOf(referent: PublicContact, publicFields: readonly string[]): PublicContact {
  const shown = new Set(publicFields);
  return {
    name: shown.has('name') ? referent.name : null,
    service: shown.has('service') ? referent.service : null,
    email: shown.has('email') ? referent.email : null,
    phone: shown.has('phone') ? referent.phone : null,
  };
}

const telHref = (phone: string) => `tel:${escapeHtml(phone.replace(/[^+\d]/g, ''))}`;

/** "Qui contacter": the public fields of the referent, then the agent's Maison (from a signed parameter). */
export function contactSection(contact: PublicContact | null, maison: MaisonForCitizens | null): string {
  const items = contact
    ? [
        contact.name ? `<li>${escapeHtml(contact.name)}</li>` : '',
        contact.service ? `<li>${escapeHtml(contact.service)}</li>` : '',
        contact.email ? `<li>Courriel : <a href="mailto:${escapeHtml(contact.email)}">${escapeHtml(contact.email)}</a></li>` : '',
        contact.phone ? `<li>Téléphone : <a href="${telHref(contact.phone)}">${escapeHtml(contact.phone)}</a></li>` : '',
      ].join('')
    : '';
  const maisonLine = maison
    ? `<p class="maison">Votre Maison de Région : ${escapeHtml(maison.name)}, ${escapeHtml(maison.city)}${maison.phone ? `, <a href="${telHref(maison.phone)}">${escapeHtml(maison.phone)}</a>` : ''}</p>`
    : '';
  return items || maisonLine ? `<h2>Qui contacter</h2>${items ? `<ul>${items}</ul>` : ''}${maisonLine}` : '';
}

/** "Déposer une demande" and "En savoir plus", the links of the scheme card. */
export function schemeLinks(links: { applyUrl: string | null; infoUrl: string | null }): string {
  const apply = links.applyUrl
    ? `<a class="button button--primary" href="${escapeHtml(links.applyUrl)}" rel="noopener noreferrer">Déposer une demande</a>`
    : '';
  const info = links.infoUrl
    ? `<a class="button button--secondary" href="${escapeHtml(links.infoUrl)}" rel="noopener noreferrer">En savoir plus</a>`
    : '';
  return apply || info ? `<div class="actions">${apply}${info}</div>` : '';
}

export interface SharedDocumentView {
  title: string;
  summary: string;
  updatedAt: Date;
  fileLabel: string;
  scheme: {
    name: string;
    promise: string;
    availability: string;
    contact: PublicContact;
    applyUrl: string | null;
    infoUrl: string | null;
    pageUrl: string | null;
  } | null;
  maison: MaisonForCitizens | null;
  readUrl: string;
  downloadUrl: string;
}

// Made once: building a formatter costs a hundred times more than using it.
const longDateFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
export const dateFr = (date: Date) => longDateFr.format(date);

export function sharedDocumentPage(regionName: string, view: SharedDocumentView): string {
  const scheme = view.scheme;
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
${schemeLinks(scheme)}
${scheme.pageUrl ? `<p><a href="${escapeHtml(scheme.pageUrl)}">Tout le dispositif et ses autres documents</a></p>` : ''}
${contactSection(scheme.contact, view.maison)}</section>`
    : contactSection(null, view.maison)
}`,
  );
}

/** A document's link that ended: why, and the scheme's page while it lives, else the Region's contact. */
export function goneSharePage(
  regionName: string,
  contact: string,
  ended?: { reason: string | null; schemePage: { name: string; url: string } | null },
): string {
  const why = ended?.reason ? endedLinkReasons[ended.reason] : undefined;
  const next = ended?.schemePage
    ? `<p>Le dispositif « ${escapeHtml(ended.schemePage.name)} » reste en ligne, avec ses documents à jour :</p>
<div class="actions"><a class="button button--primary" href="${escapeHtml(ended.schemePage.url)}">Voir le dispositif</a></div>`
    : '';
  return layout(
    regionName,
    "Ce document n'est plus diffusé",
    `<h1>Ce document n'est plus diffusé</h1>
<p>${why ? escapeHtml(why) : 'Le lien que vous avez suivi ne mène plus à un document : il a été retiré, remplacé ou a expiré.'}</p>
${next}
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
  return layout(
    regionName,
    'Trop de demandes',
    '<h1>Trop de demandes</h1>\n<p>Vous avez ouvert beaucoup de liens en peu de temps. Patientez une minute, puis réessayez.</p>',
  );
}

export function forbiddenFilePage(regionName: string): string {
  return layout(
    regionName,
    'Lien de fichier expiré',
    "<h1>Lien de fichier expiré</h1>\n<p>Ce lien de téléchargement n'est plus valable. Revenez à la page du document et cliquez de nouveau sur « Lire » ou « Télécharger ».</p>",
  );
}
