import { describe, expect, it, vi } from 'vitest';
import { autoEnroll, parseAutoEnroll } from './auto-enroll';

describe('auto-enroll', () => {
  it.each([
    ['http://127.0.0.1:5180 ABCD-EFGH', { serverUrl: 'http://127.0.0.1:5180', code: 'ABCD-EFGH' }],
    ['  https://sync.example.cn   K7QP-2M9X ', { serverUrl: 'https://sync.example.cn', code: 'K7QP-2M9X' }],
    ['', null],
    [undefined, null],
    ['ABCD-EFGH', null],
    ['file:///etc/passwd ABCD', null],
  ])('parses %j', (value, expected) => expect(parseAutoEnroll(value)).toEqual(expected));

  it('enrolls only a desk that is not enrolled', async () => {
    const enroll = vi.fn(async () => ({ enrolled: true, serverUrl: '', deviceId: '', stationId: '', deskName: '' }));
    await autoEnroll({ status: async () => ({ enrolled: true, serverUrl: '', deviceId: 'D', stationId: 'S', deskName: '' }), enroll }, 'http://x ABCD-EFGH', '前台');
    expect(enroll).not.toHaveBeenCalled();
    await autoEnroll({ status: async () => ({ enrolled: false, serverUrl: '', deviceId: '', stationId: '', deskName: '' }), enroll }, 'http://x ABCD-EFGH', '前台');
    expect(enroll).toHaveBeenCalledWith({ serverUrl: 'http://x', code: 'ABCD-EFGH', deskName: '前台' });
  });
});
