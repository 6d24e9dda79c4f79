/**
 * The printable label sheet: one A4 page (or more) of equipment labels, each with the asset
 * tag's QR code, the tag in large type, the item's name and the station. Self-contained HTML
 * (inline SVG and CSS, no script, no external resource), printed by the Electron main process
 * (HTML → PDF in a sandboxed window with JavaScript off) or by the web bridge (a sandboxed frame).
 *
 * Threat: item and station names are typed by people (and synced from other desks), so they
 * could carry markup. Every text is escaped here and the QR is drawn from numbers only: nothing a
 * name contains can become an element, attribute or script in the label page.
 */
import { qrSvg } from './qr-svg';

export interface LabelItem {
  assetTag: string;
  name: string;
}

export interface LabelSheetOptions {
  /** Page title (also the PDF's name in Electron). */
  title: string;
  stationName: string;
  /** `lang` attribute of the page, e.g. 'zh-CN'. */
  lang: string;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML text or attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);

/** 3 × 8 labels of 70 × 36 mm on A4 (common self-adhesive label sheets). */
const STYLE = `
@page { size: A4; margin: 8mm 0; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
.sheet { display: grid; grid-template-columns: repeat(3, 70mm); grid-auto-rows: 36mm; justify-content: center; }
.label { display: flex; align-items: center; gap: 2mm; padding: 2mm 3mm; overflow: hidden; break-inside: avoid; border: 0.2mm dashed #bbb; }
.label svg { flex: none; }
.text { min-width: 0; display: flex; flex-direction: column; gap: 1mm; }
.tag { font: bold 4.2mm/1.1 "DejaVu Sans Mono", Consolas, monospace; letter-spacing: 0.2mm; }
.name { font-size: 3.4mm; line-height: 1.2; max-height: 8.5mm; overflow: hidden; }
.station { font-size: 2.4mm; color: #444; line-height: 1.2; max-height: 6mm; overflow: hidden; }
`;

const label = (item: LabelItem, stationName: string): string =>
  `<div class="label">${qrSvg(item.assetTag, '28mm')}` +
  `<div class="text"><div class="tag">${escapeHtml(item.assetTag)}</div>` +
  `<div class="name">${escapeHtml(item.name)}</div><div class="station">${escapeHtml(stationName)}</div></div></div>`;

export const buildLabelSheet = (items: readonly LabelItem[], options: LabelSheetOptions): string =>
  '<!doctype html>' +
  `<html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8">` +
  `<title>${escapeHtml(options.title)}</title><style>${STYLE}</style></head>` +
  `<body><main class="sheet">${items.map((i) => label(i, options.stationName)).join('')}</main></body></html>`;
