import { withAccents } from '../../search';
import { bidiControls, withoutControlCharacters } from './filenames';

/**
 * A document's title, from the document itself: its metadata title unless a generator left its
 * default there, else its first heading (or most prominent line of page 1), else its file name made
 * readable. Every candidate is sanitised: control characters and bidirectional overrides removed,
 * whitespace collapsed, length bounded at a word.
 */

export const maxTitleLength = 200;

/** What the extraction read of a file that may name it (server/extraction/titleHints.ts). */
export interface TitleHints {
  /** PDF Info Title, or dc:title of an office document's core properties. */
  metadataTitle?: string;
  /** The first heading, or the largest line in the top half of page 1. */
  heading?: string;
}

/** Where a document's title came from: the user (form, edit), its file name, or the document's content. */
export type TitleSource = 'user' | 'file_name' | 'document';

export function sanitizeTitle(raw: string, maxLength = maxTitleLength): string {
  const text = withoutControlCharacters(
    raw
      .normalize('NFC')
      .replace(bidiControls, '')
      .replace(/[\t\n\r\f\v\u2028\u2029]/g, ' '),
  )
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const characters = [...text];
  if (characters.length <= maxLength) return text;
  const cut = characters.slice(0, maxLength - 1).join('');
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > maxLength / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Comparable form of a name: no accents, case, extension nor separators. */
const comparable = (text: string) => fold(text.replace(/\.[A-Za-z0-9]{1,8}$/, '')).replace(/[^a-z0-9]+/g, '');

/** Titles that generators write when the author gave none. */
const generatorDefaults = [
  /^microsoft (word|powerpoint|excel|office|publisher)\b/i,
  /^(untitled|sans[ -]titre|document sans titre|nouveau document|new document)\b/i,
  /^(document|doc|titre|title|pr[ée]sentation|presentation|diapositive|slide|classeur|book|feuil|sheet|layout|mise en page|image|img|scan|numérisation|dsc|pdf)[\s_-]*\d*$/i,
  /^(powerpoint presentation|présentation powerpoint|adobe acrobat|acrobat pdfmaker|pdf creator|pdfcreator)\b/i,
];

/** A file name or a path ("rapport_final.docx", "C:\\Users\\…", "/tmp/x"). */
const looksLikeFilename = (title: string) =>
  /\.(pdf|docx?|odt|ods|odp|pptx?|xlsx?|rtf|txt|indd|ai|qxd|qxp|tmp|jpe?g|png)$/i.test(title) ||
  /^[a-z]:\\|^\/|\\/i.test(title) ||
  (!/\s/.test(title) && /[_]/.test(title));

/** A title no person chose: a generator's default, a file name, or too little to name anything. */
export function isPlaceholderTitle(title: string, filename?: string): boolean {
  const letters = title.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3) return true;
  if (generatorDefaults.some((pattern) => pattern.test(title.trim()))) return true;
  if (looksLikeFilename(title)) return true;
  return filename !== undefined && comparable(title) === comparable(filename);
}

/** "ec-eau-tourisme_reglement_v2.pdf" → "Ec eau tourisme règlement v2". */
export function readableFilename(filename: string): string {
  const stem = filename.replace(/\.[A-Za-z0-9]{1,8}$/, '');
  const words = sanitizeTitle(stem.replace(/[_+.-]+/g, ' '))
    .split(' ')
    .filter(Boolean)
    .map((word) => {
      if (word === word.toLowerCase()) return withAccents(word);
      // "Reglement" → "Règlement"; acronyms and mixed case ("CP", "EcEau") are the author's.
      const lower = word.toLowerCase();
      if (word === lower.charAt(0).toUpperCase() + lower.slice(1)) {
        const accented = withAccents(lower);
        return accented.charAt(0).toLocaleUpperCase('fr') + accented.slice(1);
      }
      return word;
    });
  const title = words.join(' ');
  return title ? title.charAt(0).toLocaleUpperCase('fr') + title.slice(1) : 'Document sans titre';
}

/** The title a document gives itself, and where it came from. */
export function titleOf(hints: TitleHints | undefined, filename: string): { title: string; source: Exclude<TitleSource, 'user'> } {
  for (const candidate of [hints?.metadataTitle, hints?.heading]) {
    const title = sanitizeTitle(candidate ?? '');
    if (title && !isPlaceholderTitle(title, filename)) return { title, source: 'document' };
  }
  return { title: readableFilename(filename), source: 'file_name' };
}
