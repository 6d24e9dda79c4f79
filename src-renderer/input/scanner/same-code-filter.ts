/**
 * Drops the same code read again within a window. The window counts from the last time the
 * code was *seen* (not from when it was last let through): a scanner in continuous mode, or a
 * phone held in front of the camera, keeps re-reading one badge, and that must stay one scan
 * until the badge has been away for the whole window. Used by the wedge decoder and the camera.
 */
export interface SameCodeFilter {
  /** True when `text` at time `at` (ms) is new; false when it repeats inside the window. */
  accept(text: string, at: number): boolean;
  reset(): void;
}

export const createSameCodeFilter = (windowMs: () => number): SameCodeFilter => {
  let last: { text: string; at: number } | null = null;
  return {
    accept(text, at) {
      const repeat = last !== null && last.text === text && at - last.at <= windowMs();
      last = { text, at };
      return !repeat;
    },
    reset() {
      last = null;
    },
  };
};
