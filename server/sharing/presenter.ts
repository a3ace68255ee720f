import type { MaisonForCitizens } from './maisonParameter';
import type { ShareLinkRow } from './service';

/** Where the links an agent hands out point, and whether a phone can open them. */
export interface LinkContext {
  baseUrl: string;
  /** PUBLIC_URL is unset: the links name this server as the request reached it (127.0.0.1 in the embedded default). */
  isPublicUrlMissing: boolean;
  /** The agent's Maison and its signed parameter, to add "Votre Maison de Région" to the page. */
  maison: (MaisonForCitizens & { parameter: string }) | null;
}

/** A public link, for agents: the plain address, and the same one with their Maison when they have one. */
export function presentPublicLink(path: string, link: { token: string; created_at: Date; expires_at?: Date | null; opens: number; last_opened_at: Date | null }, context: LinkContext) {
  const url = `${context.baseUrl}${path}`;
  return {
    url,
    token: link.token,
    createdAt: link.created_at,
    expiresAt: link.expires_at ?? null,
    opens: link.opens,
    lastOpenedAt: link.last_opened_at,
    maison: context.maison ? { name: context.maison.name, city: context.maison.city, phone: context.maison.phone, url: `${url}?maison=${context.maison.parameter}` } : null,
    isPublicUrlMissing: context.isPublicUrlMissing,
  };
}

export const presentShareLink = (link: ShareLinkRow, context: LinkContext) => presentPublicLink(`/s/${link.token}`, link, context);
