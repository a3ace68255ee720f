import type { Db } from '../db';
import { presentScheme, type FolderRow } from '../folders/presenter';
import { findFoldersByIds } from '../folders/rows';
import type { SearchHit } from '../../search';
import { presentHit } from './presenter';

/** Documents shown under one scheme's card: the evidence, not a second list of results. */
const documentsPerGroup = 5;

/** A scheme's card as the answer shows it: what it pays, for whom, until when, whom to call, how to apply, whether it is shared. */
function presentAnswerScheme(row: FolderRow, theme: { id: string; name: string } | null, isShared: boolean) {
  const card = presentScheme(row);
  if (!card || card.isArchived) return null;
  return {
    id: row.id,
    name: row.name,
    promise: card.promise,
    summary: card.summary,
    amount: card.amount,
    audiences: card.audiences,
    aidTypes: card.aidTypes,
    availability: card.availability,
    opensOn: card.opensOn,
    closesOn: card.closesOn,
    isPermanent: card.isPermanent,
    referent: card.referent,
    links: card.links,
    directorate: { code: row.directorate_code ?? '', name: row.directorate_name ?? '' },
    theme,
    isShared,
    verifiedAt: card.verifiedAt,
    reviewDueOn: card.reviewDueOn,
    isReviewDue: card.isReviewDue,
  };
}
export type AnswerScheme = NonNullable<ReturnType<typeof presentAnswerScheme>>;

/** The rows of some schemes, and which of them have a public link: read once, presented by `answerSchemes`. */
export interface SchemeRead {
  ids: ReadonlySet<string>;
  rows: FolderRow[];
  sharedIds: ReadonlySet<string>;
}

/** The schemes' rows and share state, from PostgreSQL (the truth, never a stale copy). */
export async function readSchemes(db: Db, schemeIds: string[]): Promise<SchemeRead> {
  const [rows, shared] = await Promise.all([
    findFoldersByIds(db, schemeIds),
    db('documents')
      .whereIn('folder_id', schemeIds)
      .where({ scope: 'external', status: 'published' })
      .whereNull('deleted_at')
      .distinct('folder_id')
      .pluck('folder_id') as Promise<string[]>,
  ]);
  return { ids: new Set(schemeIds), rows, sharedIds: new Set(shared) };
}

/**
 * The cards of these schemes, and which have a public link. `early`: a read started while the
 * search looked for the best pages (search/query.ts `onSchemesRanked`), used when it holds every
 * scheme asked; otherwise, or when it failed, they are read now.
 */
export async function answerSchemes(
  db: Db,
  schemeIds: string[],
  themes: Map<string, { id: string; name: string } | null>,
  early?: Promise<SchemeRead>,
): Promise<Map<string, AnswerScheme>> {
  if (schemeIds.length === 0) return new Map();
  const known = await early?.catch(() => undefined);
  const read = known && schemeIds.every((id) => known.ids.has(id)) ? known : await readSchemes(db, schemeIds);
  const asked = new Set(schemeIds);
  const cards = new Map<string, AnswerScheme>();
  for (const row of read.rows) {
    if (!asked.has(row.id)) continue;
    const card = presentAnswerScheme(row, themes.get(row.id) ?? null, read.sharedIds.has(row.id));
    if (card) cards.set(row.id, card);
  }
  return cards;
}

export interface AnswerGroup {
  scheme: AnswerScheme | null;
  documents: { document: ReturnType<typeof presentHit>['document']; page: number | null; snippet: string; ocrConfidence: number | null }[];
  score: number;
  isApproximate: boolean;
}

/**
 * Hits (one per document, best first) grouped by scheme: a group per scheme in the order of its best
 * document, a group of its own for a document outside any scheme. A group is approximate when its
 * best document is.
 */
export function groupHits(hits: SearchHit[], cards: Map<string, AnswerScheme>, renderSnippet: (marked: string) => string): AnswerGroup[] {
  const groups = new Map<string, AnswerGroup>();
  for (const hit of hits) {
    const scheme = hit.schemeId ? cards.get(hit.schemeId) : undefined;
    // A scheme archived meanwhile answers as its lone documents would.
    const key = scheme ? hit.groupKey : `document:${hit.documentId}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        scheme: scheme ?? null,
        documents: [],
        score: Math.round(Math.min(1, hit.groupScore) * 100) / 100,
        isApproximate: hit.isApproximate,
      };
      groups.set(key, group);
    }
    if (group.documents.length < documentsPerGroup) {
      const presented = presentHit(hit, renderSnippet);
      group.documents.push({
        document: presented.document,
        page: presented.page,
        snippet: presented.snippet,
        ocrConfidence: presented.ocrConfidence,
      });
    }
  }
  return [...groups.values()];
}
