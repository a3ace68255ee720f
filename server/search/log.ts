import type { Db, Transaction } from '../db';
import type { Logger } from '../logger';
import type { SearchQuery } from './schema';

export interface Searcher {
  id: string;
  role: string;
  maisonId: string | null;
}

/** What one answer said, as the insights count it. */
export interface LoggedAnswer {
  resultCount: number;
  /** At least one confident result: not only approaching ones (typos, or under the relevance floor). */
  isAnswered: boolean;
  /** The theme searched in (a single theme filter), else the theme of the best confident answer. */
  themeId: string | null;
  isDegraded: boolean;
}

/** The query as the insights group it: trimmed, inner spaces collapsed (case is folded by the SQL). */
export const normalizedQuery = (q: string) => q.trim().replace(/\s+/g, ' ').slice(0, 1000);

interface Entry {
  query: string;
  filters: string;
  result_count: number;
  is_answered: boolean;
  theme_id: string | null;
  degraded: boolean;
}

/** A query that extends or trims the row's query (`:query`: the new one). */
const relatedSql = `:query <> '' and (starts_with(lower(:query), lower(query)) or starts_with(lower(query), lower(:query)))`;
/**
 * The log is not worth a wait for the disk: its commit does not wait (synchronous_commit off, for
 * this transaction only), set by the statement itself rather than by one more round trip.
 */
const noDiskWaitSql = `set_config('synchronous_commit', 'off', true)`;

/**
 * One search session (one visit of the search box: the web app sends its id as `session`) counts
 * each query once. In a session, an answer updates the row of the same query (a filter click, Back,
 * "Plus de résultats"), or the session's latest row when one query extends or trims the other (the
 * debounced typing: "héberg" then "hébergement insolite"); anything else adds a row. The session's
 * rows are written one at a time (an advisory lock on its id), in the order the searches arrived:
 * the log of an earlier keystroke whose answer came late never replaces a later one. Without a session (another client),
 * a query that extends or trims the same user's query of the last few seconds replaces it.
 */
async function writeSessionEntry(trx: Transaction, searcher: Searcher, sessionId: string, entry: Entry, receivedAt: Date) {
  await trx.raw(`select ${noDiskWaitSql}, pg_advisory_xact_lock(hashtextextended(?, 22))`, [sessionId]);
  const target = (await trx('search_log')
    .where({ session_id: sessionId })
    .whereRaw(`(lower(query) = lower(:query) or (${relatedSql}))`, { query: entry.query })
    .orderByRaw('(lower(query) = lower(?)) desc, coalesce(updated_at, created_at) desc', [entry.query])
    .first('id')) as { id: number } | undefined;
  if (target) {
    // A search the agent made earlier whose log comes late (its answer was slower) changes nothing.
    await trx('search_log')
      .where({ id: target.id })
      .whereRaw('coalesce(updated_at, created_at) < ?', [receivedAt])
      .update({ ...entry, updated_at: receivedAt });
    return;
  }
  await trx('search_log').insert({
    ...entry,
    session_id: sessionId,
    user_id: searcher.id,
    role: searcher.role,
    maison_id: searcher.maisonId,
    created_at: receivedAt,
  });
}

/** Without a session: one statement, which replaces the same user's related query of the last few seconds or adds a row. */
async function writeLoneEntry(db: Db, searcher: Searcher, entry: Entry) {
  await db.raw(
    `with settings as (select ${noDiskWaitSql}),
     latest as (
       select id, query from search_log, settings
        where user_id = :userId and session_id is null and created_at > now() - interval '5 seconds'
        order by id desc limit 1),
     previous as (select id from latest where ${relatedSql}),
     refined as (
       update search_log l set query = :query, filters = :filters, result_count = :result_count, is_answered = :is_answered, theme_id = :theme_id, degraded = :degraded, updated_at = now()
         from previous where l.id = previous.id returning l.id)
     insert into search_log (query, filters, result_count, is_answered, theme_id, degraded, user_id, role, maison_id)
     select :query, :filters, :result_count, :is_answered, :theme_id, :degraded, :userId, :role, :maisonId where not exists (select 1 from refined)`,
    { ...entry, userId: searcher.id, role: searcher.role, maisonId: searcher.maisonId },
  );
}

/**
 * Logs a search for the insights, once the answer is on its way (the agent never waits for it).
 * Committed without waiting for the disk: a crash may lose the last few entries of the log, never
 * a document. Further pages of the same answer are not searches of their own.
 */
export async function logSearch(
  deps: { db: Db; logger: Logger },
  searcher: Searcher,
  query: SearchQuery,
  answer: LoggedAnswer,
  receivedAt: Date,
) {
  if (query.page > 1) return;
  const filters = Object.fromEntries(
    Object.entries(query).filter(([key, value]) => !['q', 'page', 'hitsPerPage', 'group', 'session'].includes(key) && value !== undefined),
  );
  const entry: Entry = {
    query: normalizedQuery(query.q),
    filters: JSON.stringify(filters),
    result_count: answer.resultCount,
    is_answered: answer.isAnswered,
    theme_id: answer.themeId,
    degraded: answer.isDegraded,
  };
  try {
    const sessionId = query.session;
    if (sessionId) await deps.db.transaction((trx) => writeSessionEntry(trx, searcher, sessionId, entry, receivedAt));
    else await writeLoneEntry(deps.db, searcher, entry);
  } catch (error) {
    deps.logger.warn({ err: error }, 'search not logged');
  }
}
