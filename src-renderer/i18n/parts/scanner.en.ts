/** Scanner and camera texts in English, typed against the Chinese ones (a missing key fails typecheck). */
import type { scannerZhCN } from './scanner.zh-CN';
import type { Shape } from '../shape';

export const scannerEn: Shape<typeof scannerZhCN> = {
  scanner: {
    test: {
      title: 'Scanner test and settings',
      hint: 'Click the test box below and scan a card, or type and press Enter: each read is listed with its text, the time between keys and the verdict. Scans read correctly even with an input method (IME) on.',
      field: 'Test box',
      fieldPlaceholder: 'Click here, then scan or type',
      empty: 'Nothing read yet',
      clear: 'Clear list',
      text: 'Text read',
      verdict: 'Verdict',
      average: 'Average',
      intervals: 'Between keys (ms)',
      terminator: 'Ended by',
      ime: 'IME on',
      ms: '{{value}} ms',
      verdicts: {
        scanner: 'Scanner',
        duplicate: 'Repeated scan (ignored)',
        'too-short': 'Typed by hand (too short)',
        'too-slow': 'Typed by hand (too slow)',
        'key-repeat': 'Key held down (not a scan)',
        'no-terminator': 'No terminator (left in the field)',
      },
      terminators: { enter: 'Enter', lf: 'Line feed', tab: 'Tab', timeout: 'Pause' },
    },
    options: {
      title: 'Recognition (saved on this desk)',
      maxAvgIntervalMs: 'Scanner: average time between keys at most (ms)',
      minLength: 'Scan: at least this many characters',
      maxGapMs: 'A pause longer than this ends it (ms)',
      debounceMs: 'Ignore the same code again within (ms)',
      flushWithoutTerminator: 'Take a burst without Enter as a scan after the pause',
      tabTerminates: 'The scanner ends codes with Tab',
      reset: 'Restore defaults',
    },
    camera: {
      title: 'Camera scanning',
      device: 'Camera',
      systemDefault: 'System default camera',
      hint: 'Reads member passes (QR codes) on phones and barcodes on cards. Allow camera access the first time; camera names show after that.',
      test: 'Test camera',
      stop: 'Turn camera off',
      last: 'Last read: {{text}} ({{format}})',
      starting: 'Starting the camera…',
      running: 'Hold the QR code or barcode up to the camera',
      fellBack: 'The chosen camera is not available; using the system default',
      problems: {
        denied: 'No camera permission: allow this app to use the camera in the system or browser settings',
        notFound: 'No camera found: check that one is connected',
        busy: 'Another program is using the camera: close it and try again',
        insecure: 'The camera works only over a secure connection (desktop app, HTTPS or this computer)',
        unsupported: 'This browser does not support cameras',
        failed: 'The camera could not start: {{message}}',
        decoder: 'The code reader failed: {{message}}',
      },
    },
  },
};
