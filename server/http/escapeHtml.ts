/** The server's pages escape their text as the search door escapes its highlights: one definition (search/html.ts). */
export { escapeHtml, htmlEscapes } from '../../search';
