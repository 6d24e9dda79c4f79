/**
 * QR codes for equipment labels, as inline SVG built in the renderer (uqr: pure JS, no eval, so
 * it runs under the desk's CSP, and no network: labels print offline). The SVG is one <path> of
 * the dark modules written from the module matrix here, never from a library's markup, so
 * nothing but numbers reaches the label HTML from the code.
 */
import { encode } from 'uqr';

export interface QrMatrix {
  /** Modules per side, quiet zone included. */
  size: number;
  /** `dark[y][x]` */
  dark: boolean[][];
}

/** Four light modules around the code: the quiet zone scanners need (ISO/IEC 18004). */
export const QUIET_ZONE = 4;

/** Error correction M (15 %): survives a scuffed label on a gym machine at a small size. */
export const qrMatrix = (text: string): QrMatrix => {
  const qr = encode(text, { ecc: 'M', border: QUIET_ZONE });
  return { size: qr.size, dark: qr.data };
};

/** The dark modules as one SVG path: a horizontal run of dark modules per `M x y h n v1 h-n z`. */
export const qrPath = (matrix: QrMatrix): string => {
  const parts: string[] = [];
  matrix.dark.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
};

/** A scalable QR code of `text`; `sizeCss` is its printed width and height (e.g. '22mm'). */
export const qrSvg = (text: string, sizeCss: string): string => {
  const matrix = qrMatrix(text);
  const size = String(matrix.size);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${sizeCss}" height="${sizeCss}" shape-rendering="crispEdges" role="img">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${qrPath(matrix)}"/></svg>`
  );
};
