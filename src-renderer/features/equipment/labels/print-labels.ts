/**
 * Prints QR labels for the chosen items through the bridge: Electron renders the sheet to a PDF
 * in a sandboxed, script-less window; the web build prints it from a sandboxed frame.
 */
import type { DeskBridge } from '../../../../shared/ipc/bridge';
import type { PrintResult } from '../../../../shared/ipc/channels';
import type { EquipmentDoc } from '../../../../shared/schemas/index';
import { buildLabelSheet } from './label-sheet';

/** The IPC contract takes a one-line title of at most 100 characters. */
export const labelTitle = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || 'Labels';

export const printEquipmentLabels = (
  bridge: Pick<DeskBridge, 'printLabels'>,
  items: readonly Pick<EquipmentDoc, 'assetTag' | 'name'>[],
  options: { title: string; stationName: string; lang: string },
): Promise<PrintResult> => {
  const title = labelTitle(options.title);
  return bridge.printLabels({ html: buildLabelSheet(items, { ...options, title }), title });
};
