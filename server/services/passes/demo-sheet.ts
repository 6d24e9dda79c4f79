/**
 * The printable demo sheet: one self-contained HTML page (no network, no scripts) with, for each
 * demo member, the card number as a Code128 barcode and the member pass as a QR code, both as
 * inline SVG made by bwip-js, and the result the desk should show for each. Print it, or hold the
 * screen up to the webcam; pass texts and card numbers are printed as text too, to type them as
 * a scanner would.
 */
import bwipjs from 'bwip-js/node';
import type { CheckInReason } from '../../../shared/domain/reason-codes';
import type { MemberCategory } from '../../../shared/schemas/index';
import type { DemoEntry } from './demo-passes';

const EXPECT: Partial<Record<CheckInReason, [string, string]>> = {
  OK: ['准入', 'Admitted'],
  PASS_EXPIRED: ['拒绝：会员码已过期', 'Denied: pass has expired'],
  PASS_REVOKED: ['拒绝：会员码已被吊销', 'Denied: pass has been revoked'],
  MEMBER_SUSPENDED: ['拒绝：会员资格已暂停', 'Denied: membership suspended'],
  BAD_SIGNATURE: ['拒绝：会员码签名无效', 'Denied: pass signature is invalid'],
  MEMBER_EXPIRED: ['拒绝：会员资格已过期', 'Denied: membership expired'],
};
const NOTES: Record<DemoEntry['note'], [string, string]> = {
  valid: ['正常会员', 'Active member'],
  'expired-pass': ['会员码已过期（30 天有效，60 天前签发）', 'Expired pass (valid 30 days, issued 60 days ago)'],
  'revoked-pass': ['会员码已吊销（挂失）', 'Revoked pass (reported lost)'],
  suspended: ['会员已暂停', 'Suspended member'],
  tampered: ['篡改的会员码：会员号被改成了另一人', 'Tampered pass: member id changed to someone else'],
  'expired-membership': ['会员资格已过期（仅会员卡）', 'Membership expired (card only)'],
};
const CATEGORY: Record<MemberCategory, string> = {
  'union-member': '工会会员 Union member',
  courier: '快递员 Courier',
  driver: '货车司机 Truck driver',
  child: '托管儿童 Child',
  family: '家属 Family',
  other: '其他 Other',
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const expectation = (reason: CheckInReason) => {
  const [zh, en] = EXPECT[reason] ?? [reason, reason];
  return `<span class="expect ${reason === 'OK' ? 'ok' : 'deny'}">${escapeHtml(zh)}<small>${escapeHtml(en)}</small></span>`;
};

// BWIPP's QR error-correction option (missing from bwip-js's typings): M survives a smudge or glare.
const QR_ERROR_CORRECTION = { eclevel: 'M' };
export const qrSvg = (text: string): string => bwipjs.toSVG({ bcid: 'qrcode', text, scale: 2, paddingwidth: 4, paddingheight: 4, ...QR_ERROR_CORRECTION });
export const code128Svg = (text: string): string =>
  bwipjs.toSVG({ bcid: 'code128', text, scale: 2, height: 12, paddingwidth: 8, paddingheight: 4 });

const entryHtml = (e: DemoEntry): string => {
  const [noteZh, noteEn] = NOTES[e.note];
  const pass = e.pass
    ? `<figure class="qr">${qrSvg(e.pass)}<figcaption>会员码 Member pass ${expectation(e.passExpect ?? 'OK')}</figcaption><code>${escapeHtml(e.pass)}</code></figure>`
    : '<figure class="qr none"><figcaption>无会员码 No pass</figcaption></figure>';
  return `<section class="entry">
  <header><strong>${escapeHtml(e.name)}</strong> <span>${escapeHtml(e.memberId)} · ${escapeHtml(CATEGORY[e.category])}</span>
  <p class="note">${escapeHtml(noteZh)} <small>${escapeHtml(noteEn)}</small></p></header>
  <div class="codes">${pass}
  <figure class="card">${code128Svg(e.cardNo)}<div class="cardno">${escapeHtml(e.cardNo)}</div><figcaption>会员卡 Card ${expectation(e.cardExpect)}</figcaption></figure></div>
</section>`;
};

const STYLE = `
  @page { size: A4; margin: 12mm; }
  body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #111; margin: 0 auto; max-width: 190mm; }
  h1 { font-size: 20px; margin: 0 0 4px; } .intro { font-size: 12px; line-height: 1.5; margin: 0 0 10px; }
  .entries { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
  .entry { border: 1px solid #999; border-radius: 6px; padding: 8px; break-inside: avoid; }
  .entry header span, small { color: #555; font-size: 11px; } small { display: block; }
  .note { margin: 2px 0 6px; font-size: 12px; }
  .codes { display: flex; gap: 8px; align-items: flex-start; }
  figure { margin: 0; } .qr svg { width: 34mm; height: 34mm; } .card svg { width: 42mm; }
  figcaption { font-size: 11px; margin-top: 2px; }
  .cardno { font: 13px/1.2 monospace; text-align: center; letter-spacing: 1px; }
  code { display: block; font-size: 6px; word-break: break-all; width: 34mm; color: #444; }
  .expect { display: block; font-weight: bold; } .expect.ok { color: #1a7f37; } .expect.deny { color: #b42318; }
  .none { width: 34mm; color: #777; }
`;

export const renderDemoSheet = (demo: { stationId: string; generatedAt: string; entries: readonly DemoEntry[] }): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>驿站前台 演示会员码 · Station Desk demo passes</title><style>${STYLE}</style></head>
<body>
<h1>驿站前台 · 演示会员码与会员卡 <small>Station Desk · demo member passes and cards</small></h1>
<p class="intro">演示驿站 ${escapeHtml(demo.stationId)}，生成于 ${escapeHtml(demo.generatedAt)}。在已登记到演示驿站的前台打开「签到」，用摄像头或扫码枪扫二维码（会员码）或条形码（会员卡），也可以把二维码下方的文字原样输入。前台同步过一次后，断网也能验证。同一会员 5 分钟内再次扫码只显示“刚刚已签到”。
<small>Demo station ${escapeHtml(demo.stationId)}, generated ${escapeHtml(demo.generatedAt)}. On a desk enrolled into the demo station, open Check-in and scan a QR (member pass) or barcode (card) with the webcam or a scanner, or type the text under a QR as a scanner would. After one sync the desk verifies offline too. A second scan of the same member within 5 minutes shows "already checked in".</small></p>
<div class="entries">
${demo.entries.map(entryHtml).join('\n')}
</div>
</body></html>
`;
