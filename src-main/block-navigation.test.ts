// Navigation allow-list: only app://desk, compared by parsed parts, never by prefix.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blockNavigation, isAllowedNavigation } from './block-navigation';

describe('isAllowedNavigation', () => {
  it.each([
    'app://desk/',
    'app://desk/index.html',
    'app://desk/check-in?x=1#top',
    'app://desk',
  ])('allows %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    ['another host on our scheme', 'app://evil/index.html'],
    ['look-alike host', 'app://desk.evil.example/'],
    ['user info trick', 'app://desk@evil.example/'],
    ['user info on our host', 'app://user:pass@desk/'],
    ['port on our host', 'app://desk:8080/'],
    ['upper-case host', 'app://DESK/'],
    ['http', 'http://desk/'],
    ['https', 'https://union.example.cn/'],
    ['file', 'file:///C:/Windows/System32/calc.exe'],
    ['javascript', 'javascript:alert(document.domain)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['blob', 'blob:app://desk/3b6a0f0c'],
    ['about:blank', 'about:blank'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['chrome', 'chrome://settings'],
    ['prefix match trap', 'app://desk.'],
    ['empty', ''],
    ['not a URL', 'desk/index.html'],
    ['non-string', 42],
    ['huge', `app://desk/${'a'.repeat(10_000)}`],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('blockNavigation', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  const fakeContents = () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
        listeners.set(event, listener);
        return contents;
      }),
      setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => { action: string }) => {
        openHandler = handler;
      }),
    };
    blockNavigation(contents as never);
    return { listeners, open: (url: string) => openHandler?.({ url }) };
  };

  it('prevents navigation away from app://desk and lets in-app navigation through', () => {
    const { listeners } = fakeContents();
    const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
    const inside = { url: 'app://desk/bookings', preventDefault: vi.fn() };
    listeners.get('will-frame-navigate')?.(away);
    listeners.get('will-frame-navigate')?.(inside);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents redirects out of app://desk', () => {
    const { listeners } = fakeContents();
    const redirect = { url: 'file:///etc/passwd', preventDefault: vi.fn() };
    listeners.get('will-redirect')?.(redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, even to our own origin', () => {
    const { open } = fakeContents();
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://desk/index.html')).toEqual({ action: 'deny' });
  });

  it('refuses to attach <webview> guests', () => {
    const { listeners } = fakeContents();
    const event = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
