import type { SearchHit } from '../../search';

/** One result: the document, its scheme (with who to call), where it sits, the best page and a snippet (rendered by `snippetRenderer`). */
export function presentHit(hit: SearchHit, renderSnippet: (marked: string) => string) {
  return {
    document: {
      id: hit.documentId,
      title: hit.title,
      summary: hit.summary,
      docType: hit.docType,
      scope: hit.scope,
      fileType: hit.fileType,
      hasText: hit.hasText,
      updatedAt: new Date(hit.updatedAt * 1000).toISOString(),
    },
    scheme: hit.schemeId
      ? {
          id: hit.schemeId,
          name: hit.schemeName,
          promise: hit.schemePromise,
          availability: hit.availability,
          referent: hit.referent,
          audiences: hit.audiences,
          aidTypes: hit.aidTypes,
        }
      : null,
    theme: hit.themeId ? { id: hit.themeId, name: hit.themeName } : null,
    directorate: { code: hit.directorateCode, name: hit.directorateName },
    page: hit.page > 0 ? hit.page : null,
    snippet: renderSnippet(hit.contentMatch || hit.summary || hit.schemeSummary),
    /** The page's text was read by OCR ("texte reconnu automatiquement"), with this confidence (0 to 1); null otherwise. */
    ocrConfidence: hit.page > 0 && hit.ocrConfidence !== undefined ? hit.ocrConfidence : null,
  };
}
export type PresentedHit = ReturnType<typeof presentHit>;
