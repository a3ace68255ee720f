/** The words the server marked in a snippet (what matched, stems and synonyms included), as text. */
export function markedWords(snippet: string): string[] {
  const words = new Set<string>();
  for (const match of snippet.matchAll(/<mark>(.*?)<\/mark>/g)) {
    const word = new DOMParser().parseFromString(match[1] ?? '', 'text/html').body.textContent?.trim();
    if (word) words.add(word);
  }
  return [...words];
}
