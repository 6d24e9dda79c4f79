import { describe, expect, it } from 'vitest';
import { CHECK_IN_OUTCOMES } from '../../../shared/schemas/index';
import { SOUND_URLS, playOutcomeSound, soundForOutcome } from './feedback-sound';

describe('check-in feedback sounds', () => {
  it('gives each outcome its own sound', () => {
    const sounds = CHECK_IN_OUTCOMES.map(soundForOutcome);
    expect(sounds).toEqual(['admit', 'warning', 'deny']);
    expect(new Set(sounds.map((s) => SOUND_URLS[s])).size).toBe(3);
  });

  it('imports the WAVs as file URLs (never data: URLs, which the CSP refuses)', () => {
    for (const url of Object.values(SOUND_URLS)) {
      expect(url).toMatch(/\.wav(\?|$)/);
      expect(url.startsWith('data:')).toBe(false);
    }
  });

  it('does nothing (and does not throw) where there is no audio', () => {
    expect(() => playOutcomeSound('deny')).not.toThrow();
  });
});
