import { availabilityOf } from '../folders/availability';
import { fileLabels } from './labels';
import type { MaisonForCitizens } from './maisonParameter';
import { publicContactOf } from './pages';
import type { ShareLinkRow, SharedDocument } from './service';

/** Where the links an agent hands out point, and whether a phone can open them. */
export interface LinkContext {
  baseUrl: string;
  /** PUBLIC_URL is unset: the links name this server as the request reached it (127.0.0.1 in the embedded default). */
  isPublicUrlMissing: boolean;
  /** The agent's Maison and its signed parameter, to add "Votre Maison de Région" to the page. */
  maison: (MaisonForCitizens & { parameter: string }) | null;
}

/** A public link, for agents: the plain address, and the same one with their Maison when they have one. */
export function presentPublicLink(
  path: string,
  link: { token: string; created_at: Date; expires_at?: Date | null; opens: number; last_opened_at: Date | null },
  context: LinkContext,
) {
  const url = `${context.baseUrl}${path}`;
  return {
    url,
    token: link.token,
    createdAt: link.created_at,
    expiresAt: link.expires_at ?? null,
    opens: link.opens,
    lastOpenedAt: link.last_opened_at,
    maison: context.maison
      ? {
          name: context.maison.name,
          city: context.maison.city,
          phone: context.maison.phone,
          url: `${url}?maison=${context.maison.parameter}`,
        }
      : null,
    isPublicUrlMissing: context.isPublicUrlMissing,
  };
}

export const presentShareLink = (link: ShareLinkRow, context: LinkContext) => presentPublicLink(`/s/${link.token}`, link, context);

/**
 * What the public page of a shared document shows: the document, its scheme's card (with a link to
 * the scheme's page, keeping the signed Maison parameter `maisonParameter` when it named a Maison),
 * the Maison, and the file's addresses.
 */
export function presentSharedDocument(shared: SharedDocument, maison: MaisonForCitizens | null, maisonParameter: unknown) {
  const scheme = shared.scheme;
  return {
    title: shared.title,
    summary: shared.summary,
    updatedAt: new Date(shared.updated_at),
    fileLabel: fileLabels[shared.file_type] ?? 'Fichier',
    scheme: scheme
      ? {
          name: scheme.name,
          promise: scheme.scheme_promise ?? '',
          availability: availabilityOf({
            opensOn: scheme.scheme_opens_on,
            closesOn: scheme.scheme_closes_on,
            isPermanent: scheme.scheme_is_permanent,
          }),
          contact: publicContactOf(
            { name: scheme.referent_name, service: scheme.referent_service, email: scheme.referent_email, phone: scheme.referent_phone },
            scheme.referent_public_fields ?? [],
          ),
          applyUrl: scheme.apply_url,
          infoUrl: scheme.info_url,
          pageUrl: scheme.page_token
            ? `/p/${scheme.page_token}${maisonParameter && maison ? `?maison=${encodeURIComponent(String(maisonParameter))}` : ''}`
            : null,
        }
      : null,
    maison,
    readUrl: `/s/${shared.token}/file`,
    downloadUrl: `/s/${shared.token}/file?download=1`,
  };
}
