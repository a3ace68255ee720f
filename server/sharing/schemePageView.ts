import escapeHtml from 'escape-html';
import { aidTypeLabels, audienceLabels, availabilityLabels, endedPageReasons, fileLabels } from './labels';
import type { MaisonForCitizens } from './maisonParameter';
import { contactSection, dateFr, layout, schemeLinks, type PublicContact } from './pages';

/** What the citizen's page of a scheme shows (server/sharing/schemeRoutes.ts builds it). */
export interface SchemePageView {
  name: string;
  promise: string;
  summary: string;
  amount: string;
  audiences: string[];
  aidTypes: string[];
  availability: string;
  opensOn: string | null;
  closesOn: string | null;
  applyUrl: string | null;
  infoUrl: string | null;
  contact: PublicContact;
  maison: MaisonForCitizens | null;
  /** When an editor last confirmed the card, while that confirmation is current; null otherwise (the page says nothing). */
  verifiedOn: Date | null;
  documents: { title: string; summary: string; updatedAt: Date; fileType: string; readUrl: string; downloadUrl: string }[];
}

const day = (iso: string) => dateFr(new Date(`${iso}T12:00:00Z`));

/** "Clôture le 12 mars 2027", "Sans date limite", "Ouverture le …": the dates as a citizen reads them. */
export function datesLine(view: Pick<SchemePageView, 'availability' | 'opensOn' | 'closesOn'>): string {
  if (view.availability === 'permanent') return 'Sans date limite (dispositif permanent)';
  if (view.availability === 'a_venir' && view.opensOn)
    return `Ouverture le ${day(view.opensOn)}${view.closesOn ? `, clôture le ${day(view.closesOn)}` : ''}`;
  if (view.availability === 'clos' && view.closesOn) return `Clos depuis le ${day(view.closesOn)}`;
  return view.closesOn ? `Clôture le ${day(view.closesOn)}` : 'Sans date de clôture annoncée';
}

const listOf = (codes: string[], labels: Record<string, string>) => codes.map((code) => labels[code] ?? code).join(', ');

function documentItem(document: SchemePageView['documents'][number]): string {
  const title = escapeHtml(document.title);
  return `<li><h3>${title}</h3>
${document.summary ? `<p>${escapeHtml(document.summary)}</p>` : ''}
<p class="meta">Mis à jour le ${escapeHtml(dateFr(document.updatedAt))} · ${escapeHtml(fileLabels[document.fileType] ?? 'Fichier')}</p>
<div class="actions"><a class="button button--primary" href="${escapeHtml(document.readUrl)}" aria-label="Lire « ${title} »">Lire</a>
<a class="button button--secondary" href="${escapeHtml(document.downloadUrl)}" aria-label="Télécharger « ${title} »">Télécharger</a></div></li>`;
}

export function schemePublicPage(regionName: string, view: SchemePageView): string {
  const facts = [
    view.audiences.length ? `<li><strong>Pour qui :</strong> ${escapeHtml(listOf(view.audiences, audienceLabels))}</li>` : '',
    view.aidTypes.length ? `<li><strong>Type d'aide :</strong> ${escapeHtml(listOf(view.aidTypes, aidTypeLabels))}</li>` : '',
    view.amount ? `<li><strong>Montant :</strong> ${escapeHtml(view.amount)}</li>` : '',
    `<li><strong>Dates :</strong> ${escapeHtml(datesLine(view))}</li>`,
  ].join('');
  return layout(
    regionName,
    view.name,
    `<h1>${escapeHtml(view.name)}</h1>
${view.promise ? `<p><strong>${escapeHtml(view.promise)}</strong></p>` : ''}
<p><span class="badge">${escapeHtml(availabilityLabels[view.availability] ?? view.availability)}</span></p>
<ul>${facts}</ul>
${view.verifiedOn ? `<p class="meta">Informations vérifiées le ${escapeHtml(dateFr(view.verifiedOn))}</p>` : ''}
${schemeLinks(view)}
${view.summary ? `<h2>Le dispositif</h2><p>${escapeHtml(view.summary)}</p>` : ''}
${view.documents.length ? `<h2>Documents à consulter</h2><ul class="documents">${view.documents.map(documentItem).join('')}</ul>` : ''}
${contactSection(view.contact, view.maison)}`,
  );
}

export function goneSchemePage(regionName: string, contact: string, reason: string | null): string {
  return layout(
    regionName,
    "Cette page n'est plus diffusée",
    `<h1>Cette page n'est plus diffusée</h1>
<p>${escapeHtml((reason && endedPageReasons[reason]) || 'Le lien que vous avez suivi ne mène plus à un dispositif.')}</p>
<p>${escapeHtml(contact)}</p>`,
  );
}
