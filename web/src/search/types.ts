import type { Availability, Scope } from '../types';

/** The shapes of GET /api/search (server/search/presenter.ts, server/search/service.ts). */

export interface Referent {
  name: string | null;
  service: string | null;
  email: string | null;
  phone: string | null;
}

export interface SearchHit {
  document: { id: string; title: string; summary: string; docType: string; scope: Scope; fileType: string; hasText: boolean; updatedAt: string };
  scheme: { id: string; name: string; promise: string; availability: Availability; referent: Referent | null; audiences: string[]; aidTypes: string[] } | null;
  theme: { id: string; name: string } | null;
  directorate: { code: string; name: string };
  page: number | null;
  /** HTML made by the server: the text escaped, the matches in <mark>. The only server string rendered as HTML. */
  snippet: string;
}

/** Value → number of documents, per facet. */
export type FacetCounts = Record<string, Record<string, number>>;

export interface SearchResponse {
  hits: SearchHit[];
  facets: FacetCounts;
  total: number;
  page: number;
  hitsPerPage: number;
  degraded: boolean;
}

export interface MatchingPage {
  page: number;
  snippet: string;
}
