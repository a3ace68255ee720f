/** A public link, as GET /api/documents/:id/share and GET /api/folders/:id/share send it (server/sharing/presenter.ts). */
export interface ShareLink {
  url: string;
  token: string;
  createdAt: string;
  expiresAt: string | null;
  /** Visitors counted once a day each; bots do not count. */
  opens: number;
  lastOpenedAt: string | null;
  /** The agent's Maison, and the link that adds it to the page ("Votre Maison de Région : …"). */
  maison: { name: string; city: string; phone: string | null; url: string } | null;
  /** PUBLIC_URL is unset: the link names this server as reached here, which a phone may not open. */
  isPublicUrlMissing: boolean;
  /** A document's scheme (only on GET /api/documents/:id/share). */
  scheme?: { id: string; name: string } | null;
}

/** What to share: a scheme's public page, or one document's. */
export type ShareTarget = { kind: 'scheme'; id: string } | { kind: 'document'; id: string };

const base = (target: ShareTarget) => `/api/${target.kind === 'scheme' ? 'folders' : 'documents'}/${encodeURIComponent(target.id)}/share`;

export const shareApi = {
  link: (target: ShareTarget) => base(target),
  regenerate: (target: ShareTarget) => `${base(target)}/regenerate`,
  reach: (target: ShareTarget) => `${base(target)}/reach`,
};

/** GET …/share/reach: before a link stops, what printed codes lead to. */
export interface ShareReach {
  opensLast30Days: number;
  schemePage: { name: string; url: string } | null;
}
