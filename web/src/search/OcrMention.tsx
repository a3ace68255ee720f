const text = {
  mention: 'Texte reconnu automatiquement',
  confidence: (confidence: number) => ` (confiance ${new Intl.NumberFormat('fr-FR', { style: 'percent' }).format(confidence)})`,
};

/** Under a snippet whose page was read by OCR from a scan: its words may be misread. */
export function OcrMention({ confidence }: { confidence: number | null }) {
  if (confidence === null) return null;
  return (
    <small className="ocr-mention">
      {text.mention}
      {text.confidence(confidence)}
    </small>
  );
}
