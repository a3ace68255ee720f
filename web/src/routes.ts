/**
 * The pages of the single-page app. Shared with the server so that an unknown path gets a real
 * 404 status (with the app's 404 page) instead of a 200.
 */
export const pagePaths = {
  home: '/',
  signIn: '/connexion',
  themes: '/themes',
  news: '/nouveautes',
  folder: '/dossiers/:id',
  newScheme: '/dossiers/:id/nouveau-dispositif',
  editScheme: '/dossiers/:id/modifier',
  document: '/documents/:id',
  documentViewer: '/documents/:id/lecture',
  sharePrint: '/documents/:id/partage/impression',
  schemeHandout: '/dossiers/:id/partage/fiche',
  insights: '/recherches',
  myReports: '/mes-signalements',
  reportsQueue: '/signalements',
  verificationQueue: '/a-verifier',
  gaps: '/directions/:id/manques',
  digest: '/directions/:id/resume',
  synonyms: '/administration/synonymes',
  admin: '/administration',
  adminPlaces: '/administration/directions-et-maisons',
  adminUsers: '/administration/utilisateurs',
  adminAudit: '/administration/journal',
  adminJobs: '/administration/taches',
} as const;

/** What an `:id` of a page path may be on the server: a uuid (or a number), never a slash. */
const idSegment = '[0-9a-fA-F-]{1,64}';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A router pattern as a regular expression: `/dossiers/:id/modifier` → `^/dossiers/<id>/modifier/?$`. */
function patternOf(pagePath: string): RegExp {
  const segments = pagePath
    .replace(/\/$/, '')
    .split('/')
    .map((segment) => (segment.startsWith(':') ? idSegment : escapeRegExp(segment)));
  return new RegExp(`^${segments.join('/')}/?$`);
}

const patterns = Object.values(pagePaths).map(patternOf);

/** Whether a page of the app has this path (the server answers the others with a 404 status). */
export function isPagePath(pathname: string): boolean {
  return patterns.some((pattern) => pattern.test(pathname));
}

/** Links to the pages that take an id. */
export const linkTo = {
  folder: (id: string) => `/dossiers/${encodeURIComponent(id)}`,
  newScheme: (themeId: string) => `/dossiers/${encodeURIComponent(themeId)}/nouveau-dispositif`,
  editScheme: (id: string) => `/dossiers/${encodeURIComponent(id)}/modifier`,
  document: (id: string) => `/documents/${encodeURIComponent(id)}`,
  /** "Vos manques" of a directorate. */
  gaps: (directorateId: string) => `/directions/${encodeURIComponent(directorateId)}/manques`,
  /** The weekly digest of a directorate (the e-mail links to it: server/digest/jobs.ts). */
  digest: (directorateId: string) => `/directions/${encodeURIComponent(directorateId)}/resume`,
  /** The printable sheet of a document's link; `withMaison` adds the agent's Maison. */
  sharePrint: (id: string, withMaison = false) => `/documents/${encodeURIComponent(id)}/partage/impression${withMaison ? '?maison=1' : ''}`,
  /** The A5 handout of a scheme; `withMaison` adds the agent's Maison. */
  schemeHandout: (id: string, withMaison = false) => `/dossiers/${encodeURIComponent(id)}/partage/fiche${withMaison ? '?maison=1' : ''}`,
  documentFile: (id: string, version?: number) =>
    `/api/documents/${encodeURIComponent(id)}/file${version === undefined ? '' : `?version=${version}`}`,
  /** The first page, small: of a version (a lasting address), or of the current one. */
  documentThumbnail: (id: string, version?: number) =>
    `/api/documents/${encodeURIComponent(id)}/thumbnail${version === undefined ? '' : `?version=${version}`}`,
  /** The app's PDF viewer at a page, the words of the search highlighted (`q`: what was typed; `words`: what matched). */
  documentViewer: (id: string, page: number, q = '', words: string[] = []) => {
    const params = new URLSearchParams({ page: String(page) });
    if (q.trim()) params.set('q', q.trim());
    if (words.length > 0) params.set('mots', words.join(' '));
    return `/documents/${encodeURIComponent(id)}/lecture?${params.toString()}`;
  },
};
