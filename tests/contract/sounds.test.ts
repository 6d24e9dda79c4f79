// The feedback sounds in assets/sounds are exactly what scripts/make-sounds.mjs generates
// (regenerate with `node scripts/make-sounds.mjs`), short, and clearly different in pitch.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSounds, SAMPLE_RATE, SOUND_NAMES, SOUNDS_DIR } from '../../scripts/make-sounds.mjs';

/** Zero crossings per second / 2 ≈ the dominant frequency of a simple tone. */
const pitchOf = (wav: Buffer) => {
  const samples = (wav.length - 44) / 2;
  let crossings = 0;
  for (let i = 1; i < samples; i++) {
    if (wav.readInt16LE(44 + (i - 1) * 2) < 0 !== wav.readInt16LE(44 + i * 2) < 0) crossings++;
  }
  return crossings / 2 / (samples / SAMPLE_RATE);
};

describe('feedback sounds', () => {
  const generated = renderSounds();

  it.each(SOUND_NAMES)('%s.wav is the generated file, a short 16-bit mono WAV', (name) => {
    const file = readFileSync(path.join(SOUNDS_DIR, `${name}.wav`));
    expect(file.equals(generated[name])).toBe(true);
    expect(file.toString('ascii', 0, 4)).toBe('RIFF');
    expect(file.toString('ascii', 8, 12)).toBe('WAVE');
    expect(file.readUInt16LE(22)).toBe(1);
    expect(file.readUInt16LE(34)).toBe(16);
    const seconds = (file.length - 44) / 2 / SAMPLE_RATE;
    expect(seconds).toBeGreaterThan(0.1);
    expect(seconds).toBeLessThan(0.5);
  });

  it('admit is high, warning mid, deny low', () => {
    const [admit, warning, deny] = SOUND_NAMES.map((name) => pitchOf(generated[name]));
    expect(admit).toBeGreaterThan(warning ?? 0);
    expect(warning).toBeGreaterThan((deny ?? 0) * 2);
  });

  it('generates the same bytes every time', () => {
    const again = renderSounds();
    for (const name of SOUND_NAMES) expect(again[name].equals(generated[name])).toBe(true);
  });
});
