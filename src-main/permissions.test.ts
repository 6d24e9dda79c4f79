// Permission decisions: camera (video only) for app://desk's main frame; nothing else, ever.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { permissionDecision, restrictPermissions } from './permissions';

const OURS = 'app://desk/index.html';

describe('permissionDecision', () => {
  it('grants a camera request from our main frame', () => {
    expect(permissionDecision('media', { mediaTypes: ['video'], isMainFrame: true, requestingUrl: OURS }, OURS)).toBe(true);
  });

  it('grants a camera check from our origin', () => {
    expect(permissionDecision('media', { mediaType: 'video', isMainFrame: true, securityOrigin: 'app://desk/' }, 'app://desk')).toBe(true);
  });

  it.each([
    ['microphone', 'media', { mediaTypes: ['audio'], isMainFrame: true }, OURS],
    ['camera with microphone', 'media', { mediaTypes: ['video', 'audio'], isMainFrame: true }, OURS],
    ['media with no kinds', 'media', { mediaTypes: [], isMainFrame: true }, OURS],
    ['media check of unknown kind', 'media', { mediaType: 'unknown', isMainFrame: true }, OURS],
    ['media check of audio', 'media', { mediaType: 'audio', isMainFrame: true }, OURS],
    ['media without details', 'media', {}, OURS],
    ['camera from a subframe', 'media', { mediaTypes: ['video'], isMainFrame: false }, OURS],
    ['camera from another origin', 'media', { mediaTypes: ['video'], isMainFrame: true }, 'https://evil.example/'],
    ['camera from a look-alike origin', 'media', { mediaTypes: ['video'], isMainFrame: true }, 'app://desk.evil/'],
    ['camera from file://', 'media', { mediaTypes: ['video'], isMainFrame: true }, 'file:///tmp/x.html'],
    ['camera with foreign securityOrigin', 'media', { mediaTypes: ['video'], isMainFrame: true, securityOrigin: 'https://evil.example' }, OURS],
    ['camera with foreign requestingUrl', 'media', { mediaTypes: ['video'], isMainFrame: true, requestingUrl: 'https://evil.example/' }, OURS],
    ['camera with no origin', 'media', { mediaTypes: ['video'], isMainFrame: true }, undefined],
    ['screen capture', 'display-capture', { mediaTypes: ['video'], isMainFrame: true }, OURS],
    ['geolocation', 'geolocation', { isMainFrame: true }, OURS],
    ['notifications', 'notifications', { isMainFrame: true }, OURS],
    ['clipboard read', 'clipboard-read', { isMainFrame: true }, OURS],
    ['open external', 'openExternal', { isMainFrame: true }, OURS],
    ['USB', 'usb', { isMainFrame: true }, OURS],
    ['HID', 'hid', { isMainFrame: true }, OURS],
    ['serial', 'serial', { isMainFrame: true }, OURS],
    ['MIDI sysex', 'midiSysex', { isMainFrame: true }, OURS],
    ['fullscreen', 'fullscreen', { isMainFrame: true }, OURS],
    ['pointer lock', 'pointerLock', { isMainFrame: true }, OURS],
    ['file system', 'fileSystem', { isMainFrame: true }, OURS],
    ['unknown', 'unknown', { isMainFrame: true }, OURS],
  ] as const)('denies %s', (_name, permission, details, origin) => {
    expect(permissionDecision(permission, details, origin)).toBe(false);
  });
});

describe('restrictPermissions', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('installs request, check and device handlers that follow permissionDecision', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    restrictPermissions(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (...args: unknown[]) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    const contents = { getURL: () => OURS };

    const granted = vi.fn();
    request(contents, 'media', granted, { mediaTypes: ['video'], isMainFrame: true, requestingUrl: OURS, securityOrigin: 'app://desk' });
    expect(granted).toHaveBeenCalledWith(true);

    const denied = vi.fn();
    request(contents, 'media', denied, { mediaTypes: ['video', 'audio'], isMainFrame: true, requestingUrl: OURS });
    expect(denied).toHaveBeenCalledWith(false);

    const notification = vi.fn();
    request(contents, 'notifications', notification, { isMainFrame: true, requestingUrl: OURS });
    expect(notification).toHaveBeenCalledWith(false);

    expect(check(contents, 'media', 'app://desk', { mediaType: 'video', isMainFrame: true })).toBe(true);
    expect(check(contents, 'media', 'https://evil.example', { mediaType: 'video', isMainFrame: true })).toBe(false);
    expect(check(null, 'geolocation', 'app://desk', { isMainFrame: true })).toBe(false);
    expect(device({ deviceType: 'usb', origin: 'app://desk' })).toBe(false);
  });
});
