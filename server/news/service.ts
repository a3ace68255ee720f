import type { Db } from '../db';
import { presentDocument } from '../documents/presenter';
import { listDocuments } from '../documents/service';
import { loadFolderTree } from '../folders/tree';
import type { Actor } from '../policies';
import type { NewsQuery } from './schema';

/** Documents Nouveautés lists at most. */
const newsSize = 200;
/** A visit goes on while the agent comes back within this time: its news stay marked (a reload, Back). */
const visitMinutes = 30;

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

interface VisitRow {
  last_visit_at: Date;
  previous_visit_at: Date | null;
}

/** What counts as "new": since the visit before this one (the current visit lasts while the agent keeps coming back). */
function sinceOf(visit: VisitRow | undefined, now: Date): Date | null {
  if (!visit) return null;
  const isSameVisit = now.getTime() - visit.last_visit_at.getTime() < visitMinutes * 60000;
  return isSameVisit ? visit.previous_visit_at : visit.last_visit_at;
}

/**
 * Nouveautés: the documents published or updated over the last days, in a theme or all, grouped by
 * day (Europe/Paris), each marked new when it changed since the agent's last visit.
 */
export async function newsOf(db: Db, actor: Actor, query: NewsQuery) {
  const now = new Date();
  const [rows, folders, visit] = await Promise.all([
    listDocuments(db, actor, { publishedOnly: true, updatedSince: new Date(now.getTime() - query.days * 86400000), limit: newsSize }),
    loadFolderTree(db),
    db('news_visits').where({ user_id: actor.id }).first<VisitRow | undefined>('last_visit_at', 'previous_visit_at'),
  ]);
  const since = sinceOf(visit, now);
  const days = new Map<
    string,
    { day: string; documents: (ReturnType<typeof presentDocument> & { isNew: boolean; theme: { id: string; name: string } | null })[] }
  >();
  for (const row of rows) {
    const theme = folders.themeOf(row.folder_id);
    if (query.theme && theme?.id !== query.theme) continue;
    const day = parisDay.format(row.updated_at);
    let entry = days.get(day);
    if (!entry) {
      entry = { day, documents: [] };
      days.set(day, entry);
    }
    entry.documents.push({
      ...presentDocument(row, folders, actor),
      isNew: since !== null && row.updated_at > since,
      theme: theme ? { id: theme.id, name: theme.name } : null,
    });
  }
  const grouped = [...days.values()];
  return { since, newCount: grouped.reduce((n, day) => n + day.documents.filter((d) => d.isNew).length, 0), days: grouped };
}

/** Records that the agent opened Nouveautés now (a visit within 30 minutes of the last one continues it). */
export async function recordNewsVisit(db: Db, actor: Actor) {
  await db.raw(
    `insert into news_visits (user_id, last_visit_at) values (?, now())
     on conflict (user_id) do update set
       previous_visit_at = case when news_visits.last_visit_at < now() - make_interval(mins => ?) then news_visits.last_visit_at else news_visits.previous_visit_at end,
       last_visit_at = now()`,
    [actor.id, visitMinutes],
  );
}
