/**
 * The pages of the single-page app. Shared with the server so that an unknown path gets a real
 * 404 status (with the app's 404 page) instead of a 200.
 */
export const pagePaths = {
  home: '/',
  signIn: '/connexion',
} as const;

const patterns: RegExp[] = [/^\/$/, /^\/connexion\/?$/];

export function isPagePath(pathname: string): boolean {
  return patterns.some((pattern) => pattern.test(pathname));
}
