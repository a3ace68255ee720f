/**
 * The result the agent last focused, per results address, in the tab's sessionStorage: "Back" from
 * a scheme or a document puts focus on the same result again (the criteria are in the address).
 */

const keyOf = (address: string) => `recherche:focus:${address}`;

export function rememberFocus(address: string, hitKey: string) {
  try {
    sessionStorage.setItem(keyOf(address), hitKey);
  } catch {
    // Storage refused (private mode, quota): Back then focuses the search box, as before.
  }
}

export function recalledFocus(address: string): string | null {
  try {
    return sessionStorage.getItem(keyOf(address));
  } catch {
    return null;
  }
}
