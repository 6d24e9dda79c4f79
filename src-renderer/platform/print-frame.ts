/**
 * Label printing in the web build (no main process): the label HTML is loaded into a hidden
 * `<iframe srcdoc>` sandboxed WITHOUT `allow-scripts`, and that frame's print dialog is opened.
 *
 * Threat: label HTML carries names typed at any desk. Written into a same-origin window with
 * `innerHTML` (as this bridge first did), an event-handler attribute that slipped through would
 * run with the desk's origin — its IndexedDB, its sync session — held back only by the CSP. In a
 * sandbox without `allow-scripts` no script or handler runs at all, whatever the HTML holds;
 * `allow-same-origin` only lets this page call the frame's print() (it grants the frame nothing
 * it could use without script), and `allow-modals` lets the print dialog open. No popup either,
 * so popup blockers cannot swallow the print. The label builder escapes every text too.
 */
import type { PrintResult } from '../../shared/ipc/channels';

export const PRINT_FRAME_ID = 'station-desk-label-print';
export const PRINT_FRAME_SANDBOX = 'allow-same-origin allow-modals';

/** Prints `html` from a fresh sandboxed frame; the previous sheet's frame is removed. */
export const printInSandboxedFrame = async (html: string, title: string, doc: Document = document): Promise<PrintResult> => {
  doc.getElementById(PRINT_FRAME_ID)?.remove();
  const frame = doc.createElement('iframe');
  frame.id = PRINT_FRAME_ID;
  frame.setAttribute('sandbox', PRINT_FRAME_SANDBOX);
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('data-testid', 'label-print-frame');
  frame.title = title;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0;pointer-events:none';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = html;
  doc.body.append(frame);
  await loaded;
  const view = frame.contentWindow;
  if (!view) return { ok: false, path: '' };
  view.focus();
  view.print();
  return { ok: true, path: '' };
};
