import { z } from 'zod';
import { createDocumentFieldsSchema, fileQuery, listQuery, updateDocumentSchema } from '../documents/schema';
import { createFolderSchema, updateFolderSchema, verificationQueueQuery } from '../folders/schema';
import { gapsQuery } from '../digest/schema';
import { createReportSchema, listReportsQuery, updateReportSchema } from '../reports/schema';
import { auditQueryShape } from '../audit/schema';
import { createDirectorateSchema, createMaisonSchema, updateDirectorateSchema, updateMaisonSchema } from '../places/schema';
import { updateUserSchema, usersQueryShape } from '../users/schema';
import { jobListQuery } from '../jobs/schema';
import { pageTextQuery, thumbnailQuery } from '../previews/schema';
import { pagesQuerySchema, searchQuerySchema } from '../search/schema';
import { gapActionSchema, insightsQuerySchema } from '../insights/schema';
import { newsQuerySchema } from '../news/schema';
import { synonymsSchema, thesaurusEntryUpdateSchema } from '../search/synonyms';
import { expirySchema } from '../sharing/schema';

/**
 * The HTTP API as OpenAPI 3.1, built from the zod schemas the routes validate with: the
 * description cannot drift from what the server accepts, and a test fails on any /api route that
 * is not described here.
 */
interface RouteDescription {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete' | 'head';
  path: string;
  summary: string;
  access: 'public' | 'signed in' | 'editor' | 'admin';
  query?: z.ZodObject;
  body?: z.ZodType;
  multipart?: z.ZodObject;
}

export const describedRoutes: RouteDescription[] = [
  { method: 'get', path: '/api/auth/method', summary: 'How to sign in: SAML or the embedded dev sign-in', access: 'public' },
  { method: 'get', path: '/api/session', summary: 'The signed-in user and the CSRF token', access: 'signed in' },
  { method: 'get', path: '/api/dev/users', summary: 'Demo accounts (embedded default only)', access: 'public' },
  { method: 'get', path: '/api/folders', summary: 'The thematic tree with scheme cards', access: 'signed in' },
  {
    method: 'post',
    path: '/api/folders',
    summary: 'Create a theme (admins), a scheme or a sub-folder',
    access: 'editor',
    body: createFolderSchema,
  },
  { method: 'get', path: '/api/folders/:id', summary: 'A folder with its path and children', access: 'signed in' },
  {
    method: 'patch',
    path: '/api/folders/:id',
    summary: 'Rename, move, edit the scheme card, archive',
    access: 'editor',
    body: updateFolderSchema,
  },
  { method: 'delete', path: '/api/folders/:id', summary: 'Delete an empty folder', access: 'editor' },
  {
    method: 'post',
    path: '/api/folders/:id/verification',
    summary:
      "Confirm a scheme's card is current (audited; saving the card counts too): the folder with scheme.verifiedAt, verifiedBy, reviewDueOn (YYYY-MM-DD, Europe/Paris), isReviewDue, verifier",
    access: 'editor',
  },
  {
    method: 'get',
    path: '/api/verifications/due',
    summary: "The editor's directorate's schemes overdue or due within 30 days, the most overdue first (admins: any directorate, or all)",
    access: 'editor',
    query: verificationQueueQuery,
  },
  {
    method: 'post',
    path: '/api/reports',
    summary:
      'Report a scheme (folderId) or a document (documentId): reason, comment (2,000 characters; bidi overrides removed); rate-limited per user (429)',
    access: 'signed in',
    body: createReportSchema,
  },
  {
    method: 'get',
    path: '/api/reports',
    summary:
      "Reports: an agent's own; an editor's directorate's; an admin's all (status=open for new and in progress, mine=true for one's own)",
    access: 'signed in',
    query: listReportsQuery,
  },
  {
    method: 'patch',
    path: '/api/reports/:id',
    summary: 'Set the status (new, in_progress, resolved) and the answer of a report (its directorate; audited)',
    access: 'editor',
    body: updateReportSchema,
  },
  {
    method: 'get',
    path: '/api/directorates/:id/gaps',
    summary: '“Vos manques”: unanswered queries in the themes of the directorate (over `days`) and its open reports',
    access: 'editor',
    query: gapsQuery,
  },
  {
    method: 'get',
    path: '/api/directorates/:id/editors',
    summary: "The directorate's active editors (who may verify its schemes)",
    access: 'editor',
  },
  {
    method: 'get',
    path: '/api/directorates/:id/digest',
    summary:
      'The weekly digest: unanswered queries of the last 7 days, open reports, schemes due for verification; isEmpty (then no e-mail)',
    access: 'editor',
  },
  { method: 'get', path: '/api/directorates', summary: 'Active directorates', access: 'signed in' },
  { method: 'get', path: '/api/maisons', summary: 'Active Maisons de Région', access: 'signed in' },
  { method: 'get', path: '/api/documents', summary: 'Documents the user may read, by folder', access: 'signed in', query: listQuery },
  { method: 'get', path: '/api/documents/recent', summary: 'The 30 latest published or updated documents', access: 'signed in' },
  {
    method: 'get',
    path: '/api/news',
    summary:
      'Nouveautés: { since (the last visit before this one, or null), newCount, days: [{ day (Europe/Paris, YYYY-MM-DD), documents: [document + { isNew, theme }] }] } over the last `days`, in one `theme` or all',
    access: 'signed in',
    query: newsQuerySchema,
  },
  {
    method: 'post',
    path: '/api/news/visit',
    summary: 'Record that the user opened Nouveautés now (what is new is counted from the visit before); 204',
    access: 'signed in',
  },
  {
    method: 'post',
    path: '/api/documents',
    summary:
      'Upload a document (fields before the file); an Idempotency-Key header makes a retry return the first document. Without a title the document names itself (its file name made readable, then its metadata title or first heading once read); without a docType one is suggested',
    access: 'editor',
    multipart: createDocumentFieldsSchema,
  },
  { method: 'get', path: '/api/documents/:id', summary: 'A document with its scheme and current version', access: 'signed in' },
  {
    method: 'patch',
    path: '/api/documents/:id',
    summary: 'Edit metadata, scope, status or folder',
    access: 'editor',
    body: updateDocumentSchema,
  },
  { method: 'delete', path: '/api/documents/:id', summary: 'Delete (soft) a document', access: 'editor' },
  { method: 'post', path: '/api/documents/:id/versions', summary: 'Upload a new version', access: 'editor', multipart: z.object({}) },
  { method: 'get', path: '/api/documents/:id/versions', summary: 'Version history', access: 'editor' },
  { method: 'get', path: '/api/documents/:id/file', summary: 'The file (Range supported)', access: 'signed in', query: fileQuery },
  { method: 'head', path: '/api/documents/:id/file', summary: 'The file headers', access: 'signed in', query: fileQuery },
  {
    method: 'get',
    path: '/api/documents/:id/pages',
    summary: 'Every page of a document matching a query',
    access: 'signed in',
    query: pagesQuerySchema,
  },
  {
    method: 'get',
    path: '/api/documents/:id/text',
    summary:
      'What search sees: the text stored per page for the current version, a slice at a time ({ version, extractionStatus, extractionError, total, offset, limit, pages: [{ number, text, isOcr, ocrConfidence }] })',
    access: 'signed in',
    query: pageTextQuery,
  },
  {
    method: 'get',
    path: '/api/documents/:id/thumbnail',
    summary:
      'The first page of a version as a small WebP, immutable per version (404 when the file gives none); without version, the current one, revalidated each time (ETag)',
    access: 'signed in',
    query: thumbnailQuery,
  },
  { method: 'get', path: '/api/documents/:id/share', summary: 'The public link of an external document', access: 'signed in' },
  { method: 'post', path: '/api/documents/:id/share/regenerate', summary: 'A new public link (the old one stops)', access: 'editor' },
  {
    method: 'patch',
    path: '/api/documents/:id/share',
    summary: 'Set or clear the expiry of the public link',
    access: 'editor',
    body: expirySchema,
  },
  {
    method: 'get',
    path: '/api/documents/:id/share/reach',
    summary: 'Opens of its public links in the last 30 days, and the scheme page printed codes will lead to if it stops being shared',
    access: 'editor',
  },
  {
    method: 'get',
    path: '/api/folders/:id/share',
    summary:
      "The public page link of a scheme (404 while it has no external published document); with the agent's Maison when they have one",
    access: 'signed in',
  },
  {
    method: 'post',
    path: '/api/folders/:id/share/regenerate',
    summary: "A new link for the scheme's public page (the old one stops)",
    access: 'editor',
  },
  {
    method: 'get',
    path: '/api/folders/:id/share/reach',
    summary: "Opens of the scheme page and its documents' links in the last 30 days (archiving ends them all)",
    access: 'editor',
  },
  {
    method: 'get',
    path: '/api/search',
    summary:
      'The answer grouped by scheme: { query: { text, words, ignored, expansions, typos (words found only through typo tolerance) }, groups: [{ scheme (card: name, promise, amount, audiences, aid types, availability, dates, referent, links, isShared) | null, documents: [{ document, page, snippet }], score }], approximate (under the relevance floor, page 1), total and totalDocuments (schemes and documents, never pages), facets (documents), page, hitsPerPage (groups), degraded, suggestion }; group=document gives the flat shape { hits: [{ document, scheme, theme, directorate, page, snippet, isApproximate }], facets, total, page, hitsPerPage, degraded } (Server-Timing: Meilisearch and round trip, or PostgreSQL)',
    access: 'signed in',
    query: searchQuerySchema,
  },
  {
    method: 'get',
    path: '/api/search/home',
    summary: 'Before anything is typed: { popular, latest } scheme cards (most opened by agents over 30 days, latest published)',
    access: 'signed in',
  },
  {
    method: 'get',
    path: '/api/search/insights',
    summary:
      'What agents search over the last `days` (in a theme, or one Maison): { days, totals: { searches, unanswered }, topQueries: [{ query, searches, averageResults }], queriesWithoutResults: [{ query, searches, lastSearchedAt, gap: { action, directorate, scheme, terms, note, actedBy, actedAt } | null }], byMaison: [{ maison, searches, unanswered }], byTheme: [{ theme, searches, unanswered }] }. A search session (the `session` of GET /api/search) counts each query once; a query answered only by approaching results (typos, under the relevance floor) is unanswered',
    access: 'editor',
    query: insightsQuerySchema,
  },
  {
    method: 'post',
    path: '/api/insights/gaps',
    summary:
      'Act on an unanswered query: `keyword` adds it to the keywords of a scheme of the editor (403 for another directorate), `synonym` makes it a synonym of `terms` (admins), `assigned` hands it to a directorate with a note; 201 { gap }; audited',
    access: 'editor',
    body: gapActionSchema,
  },
  { method: 'get', path: '/api/synonyms', summary: 'Search synonyms', access: 'admin' },
  { method: 'put', path: '/api/synonyms', summary: 'Replace the search synonyms', access: 'admin', body: synonymsSchema },
  {
    method: 'get',
    path: '/api/thesaurus',
    summary: 'The shipped thesaurus (name, version, licence, sources) with every entry switched on or off',
    access: 'admin',
  },
  {
    method: 'patch',
    path: '/api/thesaurus/:id',
    summary: 'Switch a shipped thesaurus entry on or off',
    access: 'admin',
    body: thesaurusEntryUpdateSchema,
  },
  { method: 'get', path: '/api/jobs', summary: 'Jobs by status (failed ones with their error)', access: 'admin', query: jobListQuery },
  { method: 'post', path: '/api/jobs/:id/retry', summary: 'Retry a dead job', access: 'admin' },
  { method: 'get', path: '/api/openapi.json', summary: 'This description', access: 'public' },
  ...(['directorates', 'maisons'] as const).flatMap((kind): RouteDescription[] => [
    { method: 'get', path: `/api/admin/${kind}`, summary: `All ${kind}, with what refers to them`, access: 'admin' },
    {
      method: 'post',
      path: `/api/admin/${kind}`,
      summary: `Create one of the ${kind}`,
      access: 'admin',
      body: kind === 'directorates' ? createDirectorateSchema : createMaisonSchema,
    },
    {
      method: 'patch',
      path: `/api/admin/${kind}/:id`,
      summary: 'Rename or deactivate',
      access: 'admin',
      body: kind === 'directorates' ? updateDirectorateSchema : updateMaisonSchema,
    },
    { method: 'delete', path: `/api/admin/${kind}/:id`, summary: 'Delete when nothing refers to it (409 otherwise)', access: 'admin' },
  ]),
  {
    method: 'get',
    path: '/api/admin/users',
    summary: 'Users with role, its source, directorate, Maison, last sign-in',
    access: 'admin',
    query: z.object(usersQueryShape),
  },
  {
    method: 'patch',
    path: '/api/admin/users/:id',
    summary: 'Deactivate (sessions end at once) or reactivate a user',
    access: 'admin',
    body: updateUserSchema,
  },
  {
    method: 'get',
    path: '/api/admin/audit',
    summary:
      'The audit trail, filtered, 100 events a page: { events: [{ id, at, actor, actorIdentity, action, actionLabel, objectType, objectLabel, objectId, objectName, sentence (French, with names), details (one line per change), changes, ip }], page, pageCount, total, actions, objectTypes }; a page past the last: 404',
    access: 'admin',
    query: z.object(auditQueryShape),
  },
  {
    method: 'get',
    path: '/api/admin/audit.csv',
    summary:
      'The audit trail as CSV (csv-stringify, streamed): French columns, Europe/Paris times, the same sentences, formulas neutralised',
    access: 'admin',
    query: z.object(auditQueryShape),
  },
];

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

const errorResponse = {
  description: 'Error',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] },
        },
      },
    },
  },
};

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of describedRoutes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const pathParameters = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParameters = route.query
      ? Object.entries((jsonSchema(route.query) as { properties?: Record<string, unknown>; required?: string[] }).properties ?? {}).map(
          ([name, schema]) => ({ name, in: 'query', required: false, schema }),
        )
      : [];
    const requestBody = route.body
      ? { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } }
      : route.multipart
        ? {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  ...(jsonSchema(route.multipart) as object),
                  properties: {
                    ...((jsonSchema(route.multipart) as { properties?: object }).properties ?? {}),
                    file: { type: 'string', format: 'binary' },
                  },
                },
              },
            },
          }
        : undefined;
    paths[path] = {
      ...paths[path],
      [route.method]: {
        summary: route.summary,
        'x-access': route.access,
        parameters: [...pathParameters, ...queryParameters],
        ...(requestBody ? { requestBody } : {}),
        ...(route.method !== 'get' && route.method !== 'head' && route.access !== 'public'
          ? { security: [{ session: [], csrf: [] }] }
          : route.access !== 'public'
            ? { security: [{ session: [] }] }
            : {}),
        responses: { '200': { description: 'OK' }, '400': errorResponse, '401': errorResponse, '403': errorResponse, '404': errorResponse },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: "L'info pour tous API",
      version: '1.0.0',
      description: 'State-changing calls need the session cookie and the X-CSRF-Token header from GET /api/session.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'lpt.sid' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
    },
    paths,
  };
}
