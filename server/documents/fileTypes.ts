/**
 * The allow-list of stored file types, decided from the bytes (file-type), never from the
 * client's MIME type or extension.
 */
export type FileType = 'pdf' | 'docx' | 'odt' | 'xlsx' | 'ods' | 'pptx' | 'odp' | 'txt' | 'png' | 'jpeg';

export const allowedTypes: Record<string, { fileType: FileType; mime: string }> = {
  pdf: { fileType: 'pdf', mime: 'application/pdf' },
  docx: { fileType: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { fileType: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { fileType: 'pptx', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  odt: { fileType: 'odt', mime: 'application/vnd.oasis.opendocument.text' },
  ods: { fileType: 'ods', mime: 'application/vnd.oasis.opendocument.spreadsheet' },
  odp: { fileType: 'odp', mime: 'application/vnd.oasis.opendocument.presentation' },
  png: { fileType: 'png', mime: 'image/png' },
  jpg: { fileType: 'jpeg', mime: 'image/jpeg' },
};

export const plainText = { fileType: 'txt' as const, mime: 'text/plain; charset=utf-8' };

/** Opened in the browser (PDF and images); every other type is downloaded. */
export const inlineTypes = new Set<FileType>(['pdf', 'png', 'jpeg']);

export const extensionOf: Record<FileType, string> = {
  pdf: 'pdf',
  docx: 'docx',
  odt: 'odt',
  xlsx: 'xlsx',
  ods: 'ods',
  pptx: 'pptx',
  odp: 'odp',
  txt: 'txt',
  png: 'png',
  jpeg: 'jpg',
};
