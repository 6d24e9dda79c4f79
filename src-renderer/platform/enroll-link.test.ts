import { describe, expect, it } from 'vitest';
import { takeEnrollCode } from './enroll-link';

const run = (search: string, hash = '') => {
  const calls: string[] = [];
  const code = takeEnrollCode({ search, pathname: '/', hash }, { replaceState: (_s, _t, url) => calls.push(String(url)) });
  return { code, url: calls[0] };
};

describe('takeEnrollCode', () => {
  it('takes the code and removes it from the address', () => {
    expect(run('?enroll=ABCD-EFGH', '#/check-in')).toEqual({ code: 'ABCD-EFGH', url: '/#/check-in' });
    expect(run('?x=1&enroll=ABCD-EFGH')).toEqual({ code: 'ABCD-EFGH', url: '/?x=1' });
  });
  it('takes the code from the fragment, where no server log sees it', () => {
    expect(run('', '#enroll=ABCD-EFGH')).toEqual({ code: 'ABCD-EFGH', url: '/' });
    expect(run('', '#/check-in')).toEqual({ code: null, url: undefined });
  });

  it('ignores addresses without a code', () => {
    expect(run('')).toEqual({ code: null, url: undefined });
    expect(run('?enroll=')).toEqual({ code: null, url: '/' });
  });
});
