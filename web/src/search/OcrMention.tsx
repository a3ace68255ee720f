const text = {
  mention: 'Texte reconnu automatiquement',
};

/** The OCR engine's confidence (0–1) as every screen says it: " (confiance 93 %)". */
export const ocrConfidenceText = (confidence: number) =>
  ` (confiance ${new Intl.NumberFormat('fr-FR', { style: 'percent' }).format(confidence)})`;

/** Under a snippet whose page was read by OCR from a scan: its words may be misread. */
export function OcrMention({ confidence }: { confidence: number | null }) {
  if (confidence === null) return null;
  return (
    <small className="ocr-mention">
      {text.mention}
      {ocrConfidenceText(confidence)}
    </small>
  );
}
