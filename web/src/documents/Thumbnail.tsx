import { useState } from 'react';
import { fileTypeLabel } from '../ui/labels';
import { linkTo } from '../routes';

/** File types the server draws a first-page picture of (server/previews/thumbnails.ts). */
const drawnTypes = new Set(['pdf', 'png', 'jpeg']);

interface Props {
  documentId: string;
  fileType: string | null;
  /** The version shown (a lasting address, kept by the browser); without it, the current one (asked again each time). */
  version?: number;
  className?: string;
}

/**
 * The first page of a document, small; a file without one (a word-processing file, a corrupt or
 * oversized one) shows a sheet with its type instead. Decorative (alt=""): the title and the type
 * beside it already say what it is, so a screen reader skips it.
 */
export function Thumbnail({ documentId, fileType, version, className = '' }: Props) {
  const [isMissing, setIsMissing] = useState(false);
  if (!fileType || !drawnTypes.has(fileType) || isMissing) {
    return (
      <span className={`thumbnail thumbnail--icon ${className}`} aria-hidden="true">
        <span className="thumbnail__type">{fileType ? fileTypeLabel(fileType) : '?'}</span>
      </span>
    );
  }
  return (
    <img
      className={`thumbnail ${className}`}
      src={linkTo.documentThumbnail(documentId, version)}
      alt=""
      width={120}
      loading="lazy"
      decoding="async"
      onError={() => setIsMissing(true)}
    />
  );
}
