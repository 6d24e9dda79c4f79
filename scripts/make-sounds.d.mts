/** Types for make-sounds.mjs (used from tests/contract/sounds.test.ts). */
export const SAMPLE_RATE: number;
export const SOUND_NAMES: readonly ('admit' | 'warning' | 'deny')[];
export const SOUNDS_DIR: string;
export function renderSounds(): Record<'admit' | 'warning' | 'deny', Buffer>;
