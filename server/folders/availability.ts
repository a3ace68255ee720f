/** A scheme's availability, derived from its dates (never stored: it changes with the calendar). */
export type Availability = 'a_venir' | 'ouvert' | 'cloture_proche' | 'clos' | 'permanent';

export const closingSoonDays = 30;

/** Today's date in the Region's time zone, as YYYY-MM-DD. */
const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInParis(now = new Date()): string {
  return parisDay.format(now);
}

const dayMs = 86400000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

export function availabilityOf(
  card: { opensOn: string | null; closesOn: string | null; isPermanent: boolean },
  today = todayInParis(),
): Availability {
  if (card.isPermanent) return 'permanent';
  if (card.opensOn && card.opensOn > today) return 'a_venir';
  if (card.closesOn) {
    if (card.closesOn < today) return 'clos';
    if (daysBetween(today, card.closesOn) <= closingSoonDays) return 'cloture_proche';
  }
  return 'ouvert';
}
