import { describe, expect, it, vi } from 'vitest';
import { acquireSingleInstance, focusWindow } from './single-instance';

describe('single instance', () => {
  it('quits a second instance', () => {
    const app = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(acquireSingleInstance(app as never, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
  });

  it('focuses the running desk when a second instance starts', () => {
    let onSecond: (() => void) | undefined;
    const app = { requestSingleInstanceLock: () => true, quit: vi.fn(), on: vi.fn((_: string, fn: () => void) => (onSecond = fn)) };
    const window = { isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    expect(acquireSingleInstance(app as never, () => window)).toBe(true);
    onSecond?.();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(() => focusWindow(null)).not.toThrow();
  });
});
