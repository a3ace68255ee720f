import type { DemoCard, SchemeSource } from './types';

/** The wording shared by every kind of demo document: dates, audiences, the calendar and the contact lines of a scheme. */

const longDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const frenchDate = (isoDay: string) => longDate.format(new Date(`${isoDay}T00:00:00Z`));

export const pick = <T>(options: readonly T[], variant: number): T => options[variant % options.length] as T;

/** A sentence continued inside another: its first letter in lower case, unless it starts an acronym (PME, TPE). */
export const lowerFirst = (text: string) => (/^\p{Lu}\p{Lu}/u.test(text) ? text : `${text.charAt(0).toLowerCase()}${text.slice(1)}`);
/** A list item quoted inside a sentence. */
export const inline = (text: string) => lowerFirst(text.replace(/\.$/, ''));

export const isBusinessAid = (source: SchemeSource) => source.audiences.some((a) => a === 'entreprises' || a === 'agriculteurs');
/** An aid to persons (not to organisations): its règlement speaks of residence, not of accounts and quotes. */
export const isForPersons = (source: SchemeSource) =>
  source.audiences.every((a) => ['particuliers', 'jeunes', 'etudiants', 'demandeurs_emploi'].includes(a));

export function calendarSentence(card: DemoCard): string {
  if (card.isPermanent)
    return 'Le dispositif est ouvert toute l’année : les demandes sont reçues et instruites au fil de l’eau, dans la limite des crédits votés chaque année au budget régional.';
  return `Les demandes sont reçues du ${frenchDate(card.opensOn as string)} au ${frenchDate(card.closesOn as string)} inclus. Un dossier déposé après cette date, ou resté incomplet à cette date, ne peut pas être retenu.`;
}

export function contactLines(source: SchemeSource): string[] {
  const { referent } = source;
  return [
    `Référent au siège : ${referent.name}, ${referent.service}.`,
    `Courriel : ${referent.email} — téléphone : ${referent.phone}.`,
    `Informations et dépôt en ligne : https://www.region.example/aides/${source.slug}`,
  ];
}
