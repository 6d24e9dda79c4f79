/** This desk's scanner tuning (edited on the scanner test page in settings). */
import { createLocalSetting, useLocalSetting } from './local-setting';
import { normalizeScannerOptions, type ScannerOptions } from './wedge-options';

export const SCANNER_SETTINGS_KEY = 'station-desk.scanner';

export const scannerSettings = createLocalSetting<ScannerOptions>(SCANNER_SETTINGS_KEY, normalizeScannerOptions);

export const useScannerSettings = (): ScannerOptions => useLocalSetting(scannerSettings);
