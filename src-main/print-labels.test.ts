// Label printing with a stand-in BrowserWindow: the page is isolated, requests are filtered,
// the PDF lands in userData/labels and nothing is left behind.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createLabelPrinter, isAllowedLabelRequest, labelFileName, labelWindowOptions } from './print-labels';

describe('labelWindowOptions', () => {
  const prefs = labelWindowOptions().webPreferences ?? {};
  it('renders with JavaScript off, sandboxed, in its own in-memory session', () => {
    expect(labelWindowOptions().show).toBe(false);
    expect(prefs).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false });
    expect(prefs.preload).toBeUndefined();
    expect(prefs.partition).toBe('label-print');
    expect(prefs.partition?.startsWith('persist:')).toBe(false);
  });
});

describe('isAllowedLabelRequest', () => {
  const page = 'file:///data/labels/.pending-ab.html';
  it.each([
    [page, true],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['file:///etc/passwd', false],
    ['file:///data/labels/.pending-other.html', false],
    ['https://tracker.example/pixel.gif', false],
    ['http://127.0.0.1:9222/json', false],
    ['app://desk/index.html', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedLabelRequest(url, page)).toBe(allowed);
  });
  it('allows only data: when no page is loading', () => {
    expect(isAllowedLabelRequest(page, null)).toBe(false);
  });
});

describe('labelFileName', () => {
  const when = new Date('2026-11-29T14:30:05Z');
  it.each([
    ['器材标签 跑步机', '20261129-143005-器材标签 跑步机.pdf'],
    ['../../evil', '20261129-143005-evil.pdf'],
    ['a/b\\c:d*e?f"g<h>i|j', '20261129-143005-a-b-c-d-e-f-g-h-i-j.pdf'],
    ['CON', '20261129-143005-CON.pdf'],
    ['...', '20261129-143005-labels.pdf'],
    ['x'.repeat(200), `20261129-143005-${'x'.repeat(60)}.pdf`],
  ])('%s → %s', (title, name) => {
    expect(labelFileName(title, when)).toBe(name);
  });
});

describe('createLabelPrinter', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'desk-labels-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const setup = (options: { failPrint?: boolean; openError?: string } = {}) => {
    let filter: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | undefined;
    const seen: { options: BrowserWindowConstructorOptions; loaded: string; html: string; cancelled: Record<string, boolean>; destroyed: boolean }[] = [];
    class FakeWindow {
      record = { options: {} as BrowserWindowConstructorOptions, loaded: '', html: '', cancelled: {} as Record<string, boolean>, destroyed: false };
      constructor(windowOptions: BrowserWindowConstructorOptions) {
        this.record.options = windowOptions;
        seen.push(this.record);
      }
      loadURL = async (url: string) => {
        this.record.loaded = url;
        this.record.html = readFileSync(new URL(url), 'utf8');
        for (const probe of [url, 'file:///etc/passwd', 'https://tracker.example/p.gif', 'data:image/png;base64,AA==']) {
          filter?.({ url: probe }, ({ cancel }) => (this.record.cancelled[probe] = cancel));
        }
      };
      webContents = {
        printToPDF: async () => {
          if (options.failPrint) throw new Error('GPU process crashed at /secret/path');
          return Buffer.from('%PDF-1.7 fake');
        },
      };
      destroy = () => {
        this.record.destroyed = true;
      };
    }
    const shell = { openPath: vi.fn(async () => options.openError ?? '') };
    const session = { webRequest: { onBeforeRequest: (fn: typeof filter) => (filter = fn) } };
    const printer = createLabelPrinter({
      BrowserWindow: FakeWindow as never,
      session: session as never,
      shell,
      labelsDir: path.join(dir, 'labels'),
      now: () => new Date('2026-11-29T14:30:05Z'),
    });
    return { printer, seen, shell };
  };

  it('saves the PDF in userData/labels, opens it, and leaves no HTML behind', async () => {
    const { printer, seen, shell } = setup();
    const result = await printer.print({ html: '<h1>跑步机 A-01</h1>', title: '器材标签' });
    const pdf = path.join(dir, 'labels', '20261129-143005-器材标签.pdf');
    expect(result).toEqual({ ok: true, path: pdf });
    expect(readFileSync(pdf, 'utf8')).toBe('%PDF-1.7 fake');
    expect(shell.openPath).toHaveBeenCalledWith(pdf);
    expect(seen[0]?.html).toBe('<h1>跑步机 A-01</h1>');
    expect(seen[0]?.options.webPreferences?.javascript).toBe(false);
    expect(seen[0]?.destroyed).toBe(true);
    expect(readdirSync(path.join(dir, 'labels'))).toEqual([path.basename(pdf)]);
  });

  it('cancels every request but the label page and data: URLs', async () => {
    const { printer, seen } = setup();
    await printer.print({ html: '<img src="file:///etc/passwd">', title: 't' });
    const record = seen[0];
    expect(record?.cancelled[record.loaded]).toBe(false);
    expect(record?.cancelled['file:///etc/passwd']).toBe(true);
    expect(record?.cancelled['https://tracker.example/p.gif']).toBe(true);
    expect(record?.cancelled['data:image/png;base64,AA==']).toBe(false);
  });

  it('reports a failed print plainly, cleans up, and hides internals', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { printer, seen } = setup({ failPrint: true });
    const error = await printer.print({ html: '<p/>', title: 't' }).catch((e: unknown) => e as Error & { code: string });
    spy.mockRestore();
    expect(error).toMatchObject({ code: 'PRINT_FAILED' });
    expect(String((error as Error).message)).not.toContain('/secret/path');
    expect(seen[0]?.destroyed).toBe(true);
    expect(existsSync(path.join(dir, 'labels')) ? readdirSync(path.join(dir, 'labels')) : []).toEqual([]);
  });

  it('says ok: false (with the path) when no PDF viewer opens it', async () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { printer } = setup({ openError: 'No application is associated' });
    const result = await printer.print({ html: '<p/>', title: 't' });
    spy.mockRestore();
    expect(result.ok).toBe(false);
    expect(result.path).toMatch(/\.pdf$/);
  });
});
