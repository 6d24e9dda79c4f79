// Generates the check-in feedback sounds (assets/sounds/*.wav): three short, clearly different
// tones, computed here (no downloads), byte-for-byte the same on every run.
//   admit    rising two-tone (880 Hz → 1320 Hz)
//   warning  one mid tone (660 Hz)
//   deny     low buzz (150 Hz, odd harmonics)
// Usage: node scripts/make-sounds.mjs   (tests/contract/sounds.test.ts checks the files match)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_RATE = 22050;
export const SOUND_NAMES = ['admit', 'warning', 'deny'];

/** One note: frequency, seconds, and the harmonics (odd ones for a buzz) with their weights. */
const note = (hz, seconds, harmonics = [[1, 1]]) => ({ hz, seconds, harmonics });
const silence = (seconds) => ({ hz: 0, seconds, harmonics: [] });

const RECIPES = {
  admit: [note(880, 0.09, [[1, 1], [2, 0.15]]), silence(0.015), note(1320, 0.15, [[1, 1], [2, 0.1]])],
  warning: [note(660, 0.3, [[1, 1], [3, 0.12]])],
  deny: [note(150, 0.45, [[1, 1], [3, 0.45], [5, 0.28], [7, 0.18], [9, 0.12]])],
};

const ATTACK_S = 0.006;
const RELEASE_S = 0.03;
const PEAK = 0.55;

const renderNote = ({ hz, seconds, harmonics }) => {
  const count = Math.round(seconds * SAMPLE_RATE);
  const out = new Float64Array(count);
  if (hz === 0) return out;
  const norm = harmonics.reduce((sum, [, weight]) => sum + weight, 0);
  for (let i = 0; i < count; i++) {
    const t = i / SAMPLE_RATE;
    const envelope = Math.min(1, t / ATTACK_S, (seconds - t) / RELEASE_S);
    let value = 0;
    for (const [multiple, weight] of harmonics) value += weight * Math.sin(2 * Math.PI * hz * multiple * t);
    out[i] = (PEAK * envelope * value) / norm;
  }
  return out;
};

/** 16-bit mono PCM WAV. */
const wav = (samples) => {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(s * 32767))), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
};

/** name → WAV bytes */
export const renderSounds = () =>
  Object.fromEntries(
    SOUND_NAMES.map((name) => {
      const parts = RECIPES[name].map(renderNote);
      const samples = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
      let offset = 0;
      for (const part of parts) {
        samples.set(part, offset);
        offset += part.length;
      }
      return [name, wav(samples)];
    }),
  );

export const SOUNDS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'sounds');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(SOUNDS_DIR, { recursive: true });
  for (const [name, bytes] of Object.entries(renderSounds())) {
    writeFileSync(path.join(SOUNDS_DIR, `${name}.wav`), bytes);
    console.info(`assets/sounds/${name}.wav  ${bytes.length} bytes`);
  }
}
