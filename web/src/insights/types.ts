export interface Gap {
  action: 'keyword' | 'synonym' | 'assigned';
  directorate: { id: string; name: string } | null;
  scheme: { id: string; name: string } | null;
  terms: string[] | null;
  note: string | null;
  actedBy: string | null;
  actedAt: string;
}

export interface UnansweredQuery {
  query: string;
  searches: number;
  lastSearchedAt: string;
  gap: Gap | null;
}

export interface Insights {
  days: number;
  totals: { searches: number; unanswered: number };
  topQueries: { query: string; searches: number; averageResults: number }[];
  queriesWithoutResults: UnansweredQuery[];
  byMaison: { maison: { id: string; name: string } | null; searches: number; unanswered: number }[];
  byTheme: { theme: { id: string; name: string } | null; searches: number; unanswered: number }[];
}
