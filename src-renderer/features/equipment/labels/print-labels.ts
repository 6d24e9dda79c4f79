/**
 * Prints QR labels for the chosen items through the bridge: Electron renders the sheet to a PDF
 * in a sandboxed, script-less window; the web build prints it from a sandboxed frame.
 */
import type { DeskBridge } from '../../../../shared/ipc/bridge';
import type { PrintResult } from '../../../../shared/ipc/channels';
import type { EquipmentDoc } from '../../../../shared/schemas/index';
import { replaceControlChars } from '../../../../shared/text';
import { buildLabelSheet } from './label-sheet';

/** The IPC contract takes a one-line title of at most 100 characters. */
export const labelTitle = (text: string): string =>
  replaceControlChars(text).replace(/\s+/g, ' ').trim().slice(0, 100) || 'Labels';

export const printEquipmentLabels = (
  bridge: Pick<DeskBridge, 'printLabels'>,
  items: readonly Pick<EquipmentDoc, 'assetTag' | 'name'>[],
  options: { title: string; stationName: string; lang: string },
): Promise<PrintResult> => {
  const title = labelTitle(options.title);
  return bridge.printLabels({ html: buildLabelSheet(items, { ...options, title }), title });
};
