/** The public link of an external document, as GET /api/documents/:id/share sends it (server/sharing/routes.ts). */
export interface ShareLink {
  url: string;
  token: string;
  createdAt: string;
  expiresAt: string | null;
  /** Visitors counted once a day each; bots do not count. */
  opens: number;
  lastOpenedAt: string | null;
}

export const shareApi = {
  link: (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/share`,
  regenerate: (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/share/regenerate`,
};
