/** A QR code as inline SVG: one path, drawn by Lit (no innerHTML, so CSP-friendly). */
import { svg } from 'lit';
import { encode } from 'uqr';

export function qrCode(text: string, label: string) {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  // Always dark on white, whatever the colour scheme: scanners expect it.
  return svg`<svg class="qr" viewBox="0 0 ${size} ${size}" role="img" aria-label=${label}
    shape-rendering="crispEdges"><rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="#000"></path></svg>`;
}
