/**
 * A user's file name is only ever shown, never used as a path: control characters, bidirectional
 * overrides and path parts removed, length bounded (keeping the extension).
 */
export const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function withoutControlCharacters(text: string): string {
  return [...text]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !(c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) < 0xa0))
    .join('');
}

export function sanitizeFilename(raw: string, maxLength = 200): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = withoutControlCharacters(base.normalize('NFC').replace(bidiControls, '')).replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  if ([...name].length > maxLength) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name =
      [...name]
        .slice(0, maxLength - extension.length)
        .join('')
        .trimEnd() + extension;
  }
  return name || 'document';
}
