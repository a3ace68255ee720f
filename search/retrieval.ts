import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import { stemText } from './french';
import { rawAttributes, stemAttributes } from './settings';
import type { QueryWord } from './understand';
import { cachedMultiSearch, indexVersion } from './wordCache';

/**
 * Which documents answer a visitor's sentence, and how well: every content word is looked up on
 * its own (its family's stem, as written, no typo; and each of its thesaurus terms), in one request
 * of small searches; each document then weighs the words it holds by how telling they are (rare in
 * the catalogue: inverse document frequency), and a scheme the words its documents hold together.
 * Meilisearch alone drops words from the end of a query until something matches, so one incidental
 * word first, or one word no document has, decided the whole answer.
 */

/** Documents read per word: enough for the schemes a word can point to; a word in more says little. */
const documentsPerWord = 40;
/** Thesaurus terms looked up per word: a word in many entries still costs a bounded number of searches. */
const maxTermsPerWord = 8;
/** A word found in no document only matches through typo tolerance: its matches weigh less. */
const typoWeight = 0.7;

export interface WordEvidence {
  word: QueryWord;
  /** Documents that hold the word as written, in its family or as a thesaurus term. */
  documents: number;
  /** The thesaurus terms found in the documents. */
  terms: string[];
  /** Found only through typo tolerance (the word as typed is in no document). */
  isTypo: boolean;
  /** How telling the word is: ln(1 + documents in the catalogue / documents holding it); 0 when in none. */
  weight: number;
}

export interface DocumentMatch {
  documentId: string;
  schemeId: string | null;
  /** Per word (index in `evidence`), how well the document holds it (Meilisearch's ranking score, 0..1). */
  scores: Map<number, number>;
  /** Per word, the form the document holds it in: the word itself or one of its thesaurus terms, as written and as stems. */
  forms: Map<number, { text: string; stems: string }>;
  facets: Record<string, unknown>;
}

export interface Retrieval {
  evidence: WordEvidence[];
  documents: Map<string, DocumentMatch>;
  /** Documents in the catalogue under the filter. */
  catalogue: number;
  engineMs: number;
}

type ProbeHit = { documentId: string; schemeId: string | null; _rankingScore?: number } & Record<string, unknown>;

interface Probe {
  wordIndex: number;
  term: string | null;
  stems: string;
  isTypo: boolean;
  query: MultiSearchQuery;
}

type ProbeBase = Omit<MultiSearchQuery, 'q' | 'attributesToSearchOn'>;

const phrase = (stems: string) => `"${stems.replace(/"/g, '')}"`;

/** One exact stem-phrase search per word, and one per thesaurus term of the word (no typo). */
function wordProbes(queryWords: QueryWord[], base: ProbeBase, expand: ((word: QueryWord) => string[]) | undefined): Probe[] {
  const probes: Probe[] = [];
  const probe = (wordIndex: number, term: string | null, stems: string): Probe => ({
    wordIndex,
    term,
    stems,
    isTypo: false,
    query: { ...base, q: phrase(stems), attributesToSearchOn: stemAttributes },
  });
  queryWords.forEach((word, wordIndex) => {
    probes.push(probe(wordIndex, null, word.stem));
    const seen = new Set([word.stem]);
    for (const term of (expand?.(word) ?? []).slice(0, maxTermsPerWord)) {
      const stems = stemText(term);
      if (!stems || seen.has(stems)) continue;
      seen.add(stems);
      probes.push(probe(wordIndex, term, stems));
    }
  });
  return probes;
}

/**
 * Words in no document as written may be typos of the agent ("subvantion"): looked up again with
 * typo tolerance, as typed, on the attributes as written.
 */
function typoProbes(evidence: WordEvidence[], base: ProbeBase): Probe[] {
  return evidence
    .map((entry, wordIndex) => ({ entry, wordIndex }))
    .filter(({ entry }) => entry.documents === 0 && !entry.word.isInferred && entry.word.text.length >= 5)
    .map(({ entry, wordIndex }) => ({
      wordIndex,
      term: null,
      stems: entry.word.stem,
      isTypo: true,
      query: { ...base, q: entry.word.text, attributesToSearchOn: rawAttributes },
    }));
}

/** What each word's searches found: the documents per word, and each document's best score for it. */
class EvidenceCollector {
  readonly evidence: WordEvidence[];
  readonly documents = new Map<string, DocumentMatch>();

  constructor(queryWords: QueryWord[]) {
    this.evidence = queryWords.map((word) => ({ word, documents: 0, terms: [], isTypo: false, weight: 0 }));
  }

  collect(probe: Probe, hits: ProbeHit[], found: number): void {
    const entry = this.evidence[probe.wordIndex];
    if (!entry) return;
    entry.documents = Math.max(entry.documents, found);
    if (probe.term && found > 0) entry.terms.push(probe.term);
    for (const hit of hits) {
      const match = this.matchOf(hit);
      const score = hit._rankingScore ?? 0;
      if (score > (match.scores.get(probe.wordIndex) ?? -1)) {
        match.scores.set(probe.wordIndex, score);
        match.forms.set(probe.wordIndex, { text: probe.term ?? entry.word.text, stems: probe.stems });
      }
    }
  }

  private matchOf(hit: ProbeHit): DocumentMatch {
    const known = this.documents.get(hit.documentId);
    if (known) return known;
    const { documentId, schemeId, _rankingScore: _score, ...facets } = hit;
    const match: DocumentMatch = { documentId, schemeId: schemeId ?? null, scores: new Map(), forms: new Map(), facets };
    this.documents.set(documentId, match);
    return match;
  }

  /** Each word weighs by its rarity in the catalogue (idf); a word found nowhere weighs nothing here. */
  weigh(catalogue: number): void {
    for (const entry of this.evidence) entry.weight = entry.documents > 0 ? Math.log(1 + catalogue / entry.documents) : 0;
  }
}

export async function retrieve(
  client: Meilisearch,
  indexUid: string,
  options: { filter: string; facetFields: string[]; expand?: (word: QueryWord) => string[] },
  queryWords: QueryWord[],
): Promise<Retrieval> {
  const filter = options.filter || undefined;
  // The scheme's audiences always: ranking weighs them against who the visitor says they are.
  const attributesToRetrieve = [...new Set(['documentId', 'schemeId', 'audiences', ...options.facetFields])];
  // One record per document (distinct): a 200-page document counts once, as a document of one page.
  const base: ProbeBase = {
    indexUid,
    filter,
    distinct: 'documentId',
    attributesToRetrieve,
    showRankingScore: true,
    limit: documentsPerWord,
  };
  const probes = wordProbes(queryWords, base, options.expand);
  const catalogueQuery: MultiSearchQuery = { indexUid, filter, q: '', limit: 0, distinct: 'documentId' };
  // Words searched a moment ago, while the index has not changed, are read from memory (search/wordCache.ts).
  const version = await indexVersion(client, indexUid);
  const first = await cachedMultiSearch(client, version, [catalogueQuery, ...probes.map((probe) => probe.query)]);
  let engineMs = first.engineMs;
  const catalogue = Math.max(1, first.results[0]?.estimatedTotalHits ?? 1);
  const collector = new EvidenceCollector(queryWords);
  probes.forEach((probe, i) => {
    const result = first.results[i + 1];
    if (result) collector.collect(probe, result.hits as ProbeHit[], result.estimatedTotalHits ?? result.hits.length);
  });

  const retried = typoProbes(collector.evidence, base);
  if (retried.length > 0) {
    const second = await cachedMultiSearch(
      client,
      version,
      retried.map((probe) => probe.query),
    );
    engineMs += second.engineMs;
    retried.forEach((probe, i) => {
      const result = second.results[i];
      if (!result) return;
      const entry = collector.evidence[probe.wordIndex];
      if (entry && (result.estimatedTotalHits ?? 0) > 0) entry.isTypo = true;
      collector.collect(probe, result.hits as ProbeHit[], result.estimatedTotalHits ?? result.hits.length);
    });
  }
  collector.weigh(catalogue);
  return { evidence: collector.evidence, documents: collector.documents, catalogue, engineMs };
}

export interface RankedGroup {
  /** The scheme, or `document:<id>` for a document outside any scheme. */
  key: string;
  /** Share of the query's weight the group's documents hold together (0..1). */
  coverage: number;
  /** Its documents, best first. */
  documentIds: string[];
  /** The words its documents hold, most telling first. */
  words: number[];
  /** Its weight held only through typos while other words of the query are found as written. */
  isTypoOnly: boolean;
}

/**
 * The relevance floor: a group that holds less than this share of the query's weight is shown
 * apart, as an approaching result. Words found in no document count in the weight, at the weight
 * of the rarest word found: what the visitor said and no document has is not answered.
 */
export const coverageFloor = 0.6;

/**
 * Who the visitor says they are (search/thesaurus/profiles.ts), when it is a structure: a scheme
 * for it holds that much more of the query (at most all of it). Private persons' words ("ma
 * maison", "mon fils", "au chômage") are read but lift nothing: most needs no scheme covers are
 * private ones, and measured, they lifted those too (docs/search.md, "Relevance, measured").
 */
const profileLift = 0.15;
const structureProfiles: ReadonlySet<string> = new Set(['entreprises', 'associations', 'collectivites', 'agriculteurs']);

/** Groups (schemes, or lone documents) ranked by the weight of the words they hold. */
export function rankGroups(
  retrieval: Retrieval,
  { isByDocument = false, profiles = [] }: { isByDocument?: boolean; profiles?: readonly string[] } = {},
): RankedGroup[] {
  const { evidence, documents } = retrieval;
  const found = evidence.filter((entry) => entry.weight > 0);
  const rarest = found.reduce((max, entry) => Math.max(max, entry.weight), 0);
  // A word in no document weighs as a word of one document would, half: often an everyday word
  // of the sentence ("énormément", "copain"), sometimes the need itself ("crèche").
  const missingWeight = Math.max(rarest, Math.log(1 + retrieval.catalogue)) / 2;
  const total =
    evidence.reduce((sum, entry) => sum + (entry.word.isInferred ? 0 : entry.weight > 0 ? entry.weight : missingWeight), 0) || 1;
  const hasExactWord = evidence.some((entry) => entry.weight > 0 && !entry.isTypo);

  const documentScore = (match: DocumentMatch) => {
    let score = 0;
    for (const [wordIndex, value] of match.scores) score += (evidence[wordIndex]?.weight ?? 0) * value;
    return score;
  };
  /** The weight of the words one document holds: a need is answered by a document that says it, not by words scattered over several. */
  const documentHeld = (match: DocumentMatch) => {
    let held = 0;
    for (const wordIndex of match.scores.keys()) {
      const entry = evidence[wordIndex];
      if (entry) held += entry.weight * (entry.isTypo ? typoWeight : 1);
    }
    return held;
  };
  const groups = new Map<
    string,
    { best: Map<number, number>; documents: { id: string; score: number }[]; held: number; audiences: Set<string> }
  >();
  for (const match of documents.values()) {
    const key = match.schemeId && !isByDocument ? match.schemeId : `document:${match.documentId}`;
    let group = groups.get(key);
    if (!group) {
      group = { best: new Map(), documents: [], held: 0, audiences: new Set() };
      groups.set(key, group);
    }
    group.documents.push({ id: match.documentId, score: documentScore(match) });
    group.held = Math.max(group.held, documentHeld(match));
    // The scheme's audiences, on each of its documents (records carry their scheme card's).
    const audiences = match.facets.audiences;
    if (Array.isArray(audiences)) for (const audience of audiences) if (typeof audience === 'string') group.audiences.add(audience);
    for (const [wordIndex, value] of match.scores) group.best.set(wordIndex, Math.max(group.best.get(wordIndex) ?? 0, value));
  }
  const ranked: (RankedGroup & { rank: number })[] = [];
  for (const [key, group] of groups) {
    // Coverage is the best document's (documentHeld); the rank weighs every word the scheme's documents
    // hold, and how well (in a title, a keyword, or deep in a page: Meilisearch's score of the word's search).
    let heldExactly = 0;
    let rank = 0;
    for (const [wordIndex, value] of group.best) {
      const entry = evidence[wordIndex];
      if (!entry || value === 0) continue;
      const weight = entry.weight * (entry.isTypo ? typoWeight : 1);
      rank += weight * (0.5 + 0.5 * value);
      if (!entry.isTypo) heldExactly += weight;
    }
    let coverage = Math.min(1, group.held / total);
    if (profiles.some((profile) => structureProfiles.has(profile) && group.audiences.has(profile))) {
      coverage = Math.min(1, coverage + profileLift);
    }
    ranked.push({
      key,
      rank,
      coverage,
      documentIds: group.documents.sort((a, b) => b.score - a.score).map((d) => d.id),
      words: [...group.best.keys()].sort((a, b) => (evidence[b]?.weight ?? 0) - (evidence[a]?.weight ?? 0)),
      isTypoOnly: hasExactWord && heldExactly === 0,
    });
  }
  return ranked
    .filter((group) => group.coverage > 0)
    .sort((a, b) => b.rank - a.rank || a.key.localeCompare(b.key))
    .map(({ rank: _rank, ...group }) => group);
}
