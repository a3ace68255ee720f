/**
 * The server prefixes a validation message with the field it is about ("title : Le titre ne peut
 * pas être vide."). This splits it, so that the form can show the message next to that field.
 */
export function splitFieldMessage(message: string): { path?: string; message: string } {
  const match = /^([A-Za-z0-9.]+) : (.+)$/s.exec(message);
  if (!match) return { message };
  const path = (match[1] ?? '')
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
  return { path, message: match[2] ?? message };
}
