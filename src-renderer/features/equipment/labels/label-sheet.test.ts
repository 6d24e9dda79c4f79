// Label sheets escape every text: a hostile item or station name stays text, never markup.
import { describe, expect, it } from 'vitest';
import { buildLabelSheet, escapeHtml } from './label-sheet';

const tagsOf = (html: string) => new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
const STRUCTURE = ['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'div', 'svg', 'rect', 'path'];

describe('label sheet', () => {
  it('has one label per item with the tag, the name and the station', () => {
    const html = buildLabelSheet(
      [
        { assetTag: 'JA-TM-01', name: '跑步机 1号' },
        { assetTag: 'JA-AED-01', name: 'AED 自动体外除颤器' },
      ],
      { title: '设备标签', stationName: '静安区职工健身驿站', lang: 'zh-CN' },
    );
    expect(html.startsWith('<!doctype html><html lang="zh-CN">')).toBe(true);
    expect(html.match(/class="label"/g)).toHaveLength(2);
    expect(html).toContain('<div class="tag">JA-TM-01</div><div class="name">跑步机 1号</div><div class="station">静安区职工健身驿站</div>');
    expect(html).toContain('<title>设备标签</title>');
    expect([...tagsOf(html)].sort()).toEqual([...STRUCTURE].sort());
  });

  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['</div><script>alert(1)</script>', '&lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onmouseover="alert(1)', '&quot; onmouseover=&quot;alert(1)'],
    ["' autofocus onfocus='x", '&#39; autofocus onfocus=&#39;x'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['&lt;already&gt;', '&amp;lt;already&amp;gt;'],
  ])('renders the name %s as text', (hostile, escaped) => {
    const html = buildLabelSheet([{ assetTag: 'JA-X-01', name: hostile }], { title: hostile, stationName: hostile, lang: `zh"${hostile}` });
    expect([...tagsOf(html)].sort()).toEqual([...STRUCTURE].sort());
    expect(html).toContain(`<div class="name">${escaped}</div>`);
    expect(html).toContain(`<div class="station">${escaped}</div>`);
    expect(html).toContain(`<title>${escaped}</title>`);
    if (/[<>"']/.test(hostile)) expect(html).not.toContain(hostile);
  });

  it('escapes the five HTML specials and nothing else', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
    expect(escapeHtml('跑步机 JA-TM-01 / 3号')).toBe('跑步机 JA-TM-01 / 3号');
  });
});
