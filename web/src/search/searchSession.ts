/**
 * The search session: one visit of the search box, for one visitor. Its id goes with every search
 * (`session`), so that the insights count the debounced typing, the filter clicks, "Plus de
 * résultats" and Back as one search (server/search/log.ts). Kept per tab (sessionStorage) so that
 * Back from a scheme stays in the session; a new one starts when the agent empties the box and the
 * filters (the next visitor).
 */
const storageKey = 'lpt.searchSession';

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function store(id: string) {
  try {
    sessionStorage.setItem(storageKey, id);
  } catch {
    // Storage refused (private mode): the id lives as long as the page.
  }
  memory = id;
  return id;
}

let memory: string | undefined;

/** The current session's id, made on first use. */
export function searchSession(): string {
  let stored: string | null;
  try {
    stored = sessionStorage.getItem(storageKey);
  } catch {
    stored = null;
  }
  return stored ?? memory ?? store(newId());
}

/** Starts a new session: the box is empty again. */
export function renewSearchSession(): string {
  return store(newId());
}
