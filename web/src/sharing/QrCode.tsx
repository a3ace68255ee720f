import QRCode from 'qrcode';
import { useMemo } from 'react';

const quietZone = 2;

/** One SVG path of the dark modules, a rectangle per run of dark modules along a row. */
function darkModulesPath(value: string): { path: string; size: number } {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      path += `M${start + quietZone} ${row + quietZone}h${col - start}v1h${start - col}z`;
    }
  }
  return { path, size: modules.size + 2 * quietZone };
}

/**
 * A QR code of `value`, made here from our own link (no network, no HTML string): black on white
 * with its quiet zone, so that a phone reads it from a screen or from paper.
 */
export function QrCode({ value, label, className = '' }: { value: string; label: string; className?: string }) {
  const { path, size } = useMemo(() => darkModulesPath(value), [value]);
  return (
    <div role="img" aria-label={label} className={`qr ${className}`.trim()}>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${size} ${size}`}
        shapeRendering="crispEdges"
        aria-hidden="true"
        focusable="false"
      >
        <rect width={size} height={size} fill="#ffffff" />
        <path d={path} fill="#000000" />
      </svg>
    </div>
  );
}
