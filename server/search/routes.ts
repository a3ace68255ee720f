import { Router, type Request, type RequestHandler } from 'express';
import { signedSessionCookieTest } from '../auth/session';
import type { Db } from '../db';
import { ValidationError } from '../errors';
import { documentSubject } from '../documents/presenter';
import { findDocument } from '../documents/service';
import { documentIdParams } from '../documents/schema';
import { currentUser, signedIn } from '../http/access';
import type { Logger } from '../logger';
import { app as appSubject, authorize } from '../policies';
import type { Search } from '../../search';
import { knownSearchParameters, pagesQuerySchema, searchQuerySchema, type SearchQuery } from './schema';
import { matchingPages, searchDocuments, startSearch, type StartedSearch } from './service';
import { searchHome } from './home';
import {
  adminSynonymGroups,
  replaceSynonyms,
  setThesaurusEntry,
  synonymsSchema,
  thesaurusEntries,
  thesaurusEntryParams,
  thesaurusEntryUpdateSchema,
} from './synonyms';
import { auditContextOf } from '../audit/record';
import { validate } from '../http/validate';

function parseSearchQuery(req: Request): SearchQuery {
  const unknown = Object.keys(req.query).filter((key) => !knownSearchParameters.has(key));
  if (unknown.length > 0) throw new ValidationError(`Filtre inconnu : ${unknown.join(', ')}.`);
  return searchQuerySchema.parse(req.query);
}

/**
 * The query of a search started early, parsed once, its Meilisearch half under way, and when the
 * request came: the order of a session's searches (server/search/log.ts), read before the session
 * loads from PostgreSQL, whose time varies from one request to the next.
 */
const earlySearches = new WeakMap<Request, { query: SearchQuery; started: StartedSearch; receivedAt: Date }>();

/**
 * Starts the Meilisearch query of GET /api/search as soon as the request carries a session cookie
 * this app signed, while the session and the user load (two reads of PostgreSQL that would
 * otherwise come before it). Mounted app-wide before the session. Nothing is answered until `signedIn` has
 * let the request through; what a search finds depends on the query alone (every signed-in user
 * searches the same published documents), so the early search is the one the route would start.
 * A bad query starts nothing: the route answers it with its 400.
 */
export function earlySearch(deps: { db: Db; search: Search; sessionSecret: string }): RequestHandler {
  const hasSignedSessionCookie = signedSessionCookieTest(deps.sessionSecret);
  return (req, _res, next) => {
    if (req.method === 'GET' && req.path === '/api/search' && hasSignedSessionCookie(req)) {
      const receivedAt = new Date();
      let query: SearchQuery | undefined;
      try {
        query = parseSearchQuery(req);
      } catch {
        // The route parses it again and answers the 400.
      }
      if (query) {
        const started = startSearch(deps, query);
        // Never awaited when the session turns out to have ended.
        started.catch(() => undefined);
        earlySearches.set(req, { query, started, receivedAt });
      }
    }
    next();
  };
}

/** Search for agents, its second look (every page of one document), synonyms and the thesaurus. */
export function searchRoutes(deps: { db: Db; search: Search; logger: Logger }) {
  const router = Router();

  router.get('/api/search', signedIn, async (req, res) => {
    const early = earlySearches.get(req);
    const query = early?.query ?? parseSearchQuery(req);
    const user = currentUser(req);
    const { answer, serverTiming, log } = await searchDocuments(
      deps,
      { id: user.id, role: user.role, maisonId: user.maisonId },
      query,
      early?.started,
      early?.receivedAt,
    );
    // Written as it is: Express's send (its ETag, a SHA-1 of the whole answer, its freshness check)
    // costs every answer a hash of the whole answer (docs/benchmarks.md, "Figures behind choices in
    // the code"), and an answer is never stored (no-store), so never revalidated.
    const body = JSON.stringify(answer);
    res
      .set({
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(body)),
        'Cache-Control': 'no-store',
        'Server-Timing': serverTiming,
      })
      .end(body);
    await log();
  });

  router.get('/api/search/home', signedIn, async (_req, res) => {
    res.json(await searchHome(deps.db));
  });

  router.get('/api/documents/:id/pages', signedIn, validate({ params: documentIdParams, query: pagesQuerySchema }), async (req, res) => {
    const { id } = req.params;
    const { q } = req.query;
    authorize(currentUser(req), 'document.read', documentSubject(await findDocument(deps.db, id)));
    res.json({ pages: await matchingPages(deps, id, q) });
  });

  router.get('/api/synonyms', signedIn, async (req, res) => {
    authorize(currentUser(req), 'admin.manage', appSubject);
    res.json({ groups: await adminSynonymGroups(deps.db) });
  });

  router.put('/api/synonyms', signedIn, validate({ body: synonymsSchema }), async (req, res) => {
    const user = currentUser(req);
    authorize(user, 'admin.manage', appSubject);
    const { groups } = req.body;
    await replaceSynonyms(deps.db, user, groups, auditContextOf(req));
    res.json({ groups: await adminSynonymGroups(deps.db) });
  });

  router.get('/api/thesaurus', signedIn, async (req, res) => {
    authorize(currentUser(req), 'admin.manage', appSubject);
    res.json(await thesaurusEntries(deps.db));
  });

  router.patch(
    '/api/thesaurus/:id',
    signedIn,
    validate({ params: thesaurusEntryParams, body: thesaurusEntryUpdateSchema }),
    async (req, res) => {
      const user = currentUser(req);
      authorize(user, 'admin.manage', appSubject);
      const { id } = req.params;
      const { isEnabled } = req.body;
      await setThesaurusEntry(deps.db, user, id, isEnabled, auditContextOf(req));
      res.json(await thesaurusEntries(deps.db));
    },
  );

  return router;
}
