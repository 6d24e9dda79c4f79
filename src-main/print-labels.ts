/**
 * Prints QR labels: the renderer's label HTML is rendered in a hidden window and saved as a PDF
 * in userData/labels/, then opened in the system viewer for printing.
 * Threat: label HTML is page-supplied, so it could carry script, fetch remote or local files
 * (to embed them in the PDF or call out), or navigate. Closed by a sandboxed window with
 * JavaScript off, its own in-memory session that cancels every request except the label page
 * itself and data: URLs, and the app-wide navigation block.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, Shell } from 'electron';
import type { LabelPrintArgs, PrintResult } from '../shared/ipc/channels';
import { PublicError } from './public-error';

export const LABEL_PARTITION = 'label-print';

export const labelWindowOptions = (): BrowserWindowConstructorOptions => ({
  show: false,
  width: 794,
  height: 1123,
  webPreferences: {
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    devTools: false,
    spellcheck: false,
    // No 'persist:' prefix: an in-memory session with no cookies or storage of the desk's.
    partition: LABEL_PARTITION,
  },
});

/** Only the label page itself and inline data: images/fonts may load. */
export const isAllowedLabelRequest = (url: string, pageUrl: string | null): boolean =>
  (pageUrl !== null && url === pageUrl) || url.startsWith('data:');

/** `20261129-143005-<title>.pdf`, safe on Windows, macOS and Linux whatever the title. */
export const labelFileName = (title: string, date: Date): string => {
  const stamp = date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const safe = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} _-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[-. ]+|[-. ]+$/g, '')
    .slice(0, 60);
  return `${stamp}-${safe || 'labels'}.pdf`;
};

type WindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface LabelPrinterDeps {
  BrowserWindow: WindowClass;
  /** session.fromPartition(LABEL_PARTITION) */
  session: Pick<Session, 'webRequest'>;
  shell: Pick<Shell, 'openPath'>;
  labelsDir: string;
  now?: () => Date;
}

export const createLabelPrinter = (deps: LabelPrinterDeps) => {
  let pageUrl: string | null = null;
  deps.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedLabelRequest(details.url, pageUrl) }));

  const printOnce = async (args: LabelPrintArgs): Promise<PrintResult> => {
    await mkdir(deps.labelsDir, { recursive: true });
    const page = path.join(deps.labelsDir, `.pending-${randomBytes(8).toString('hex')}.html`);
    const pdfPath = path.join(deps.labelsDir, labelFileName(args.title, (deps.now ?? (() => new Date()))()));
    const window = new deps.BrowserWindow(labelWindowOptions());
    try {
      await writeFile(page, args.html, { encoding: 'utf8', mode: 0o600 });
      pageUrl = pathToFileURL(page).href;
      await window.loadURL(pageUrl);
      const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, pageSize: 'A4' });
      await writeFile(pdfPath, pdf);
    } catch (error) {
      console.error('Station Desk: label printing failed', error);
      throw new PublicError('PRINT_FAILED', '标签生成失败，请重试。', 'The labels could not be made; try again.');
    } finally {
      pageUrl = null;
      window.destroy();
      await rm(page, { force: true });
    }
    const openError = await deps.shell.openPath(pdfPath);
    if (openError) console.warn('Station Desk: saved labels but could not open them:', openError);
    return { ok: openError === '', path: pdfPath };
  };

  let queue: Promise<unknown> = Promise.resolve();
  return {
    /** Prints one label sheet at a time (the request filter knows one page at a time). */
    print(args: LabelPrintArgs): Promise<PrintResult> {
      const run = queue.then(() => printOnce(args));
      queue = run.catch(() => undefined);
      return run;
    },
  };
};
