// The enrollment form refuses what main would refuse, and says why per field.
import { describe, expect, it } from 'vitest';
import { validateIpcArgs } from '../../../shared/ipc/validate';
import { checkCode, checkDeskName, checkServerUrl, toEnrollArgs } from './enroll-validation';

describe('enrollment form checks', () => {
  it('accepts typed-by-hand input and normalises it like main does', () => {
    const input = { serverUrl: ' HTTPS://Sync.Example.cn/ ', code: 'ab3k 9q2x', deskName: ' 前台一号机 ' };
    const args = toEnrollArgs(input);
    expect(args).toEqual({ serverUrl: 'https://sync.example.cn', code: 'AB3K9Q2X', deskName: '前台一号机' });
    expect(validateIpcArgs('device:enroll', [input])[0]).toEqual(args);
  });

  it.each([
    ['ftp://x.cn', 'settings.enroll.invalidServerUrl'],
    ['sync.example.cn', 'settings.enroll.invalidServerUrl'],
    ['https://user:pw@x.cn', 'settings.enroll.invalidServerUrl'],
    ['', 'settings.enroll.invalidServerUrl'],
  ])('refuses server address %j', (url, key) => {
    expect(checkServerUrl(url)?.key).toBe(key);
  });

  it('refuses bad codes and desk names', () => {
    expect(checkCode('abc')?.key).toBe('settings.enroll.invalidCode');
    expect(checkCode('AB3K-9Q2X')).toBeNull();
    expect(checkDeskName('  ')?.key).toBe('settings.enroll.emptyDeskName');
    expect(checkDeskName('前'.repeat(41))).toEqual({ key: 'settings.enroll.longDeskName', values: { max: 40 } });
    expect(checkDeskName('a\nb')?.key).toBe('settings.enroll.badDeskName');
    expect(toEnrollArgs({ serverUrl: 'https://x.cn', code: 'abc', deskName: 'A' })).toBeNull();
  });
});
