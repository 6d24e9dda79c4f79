import { describe, expect, test } from 'vitest';
import { CsvSyntaxError, decodeCsv, parseCsv } from './csv';
import { maskPhone, parseValidUntil } from './member-rows';

describe('parseCsv', () => {
  test('reads plain, quoted and multi-line fields and keeps starting lines', () => {
    const text = 'a,b,c\r\n1, two ,"th,ree"\n\n"x ""y""","multi\nline",z\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'two', 'th,ree'] },
      { line: 4, cells: ['x "y"', 'multi\nline', 'z'] },
    ]);
  });

  test('a last line without a newline and trailing empty cells', () => {
    expect(parseCsv('a,b\n1,')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', ''] },
    ]);
  });

  test('an unclosed quote is an error with its line', () => {
    expect(() => parseCsv('a\n"oops\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"oops\n')).toThrow(/line 2/);
  });

  test('UTF-8 with a BOM, and GB18030 as Excel writes it on Chinese Windows', () => {
    expect(decodeCsv(Buffer.from('\uFEFF王伟', 'utf8'))).toBe('王伟');
    expect(decodeCsv(Buffer.from([0xcd, 0xf5, 0xce, 0xb0]))).toBe('王伟');
  });
});

describe('member fields', () => {
  test.each([
    ['13812345678', { phoneMasked: '138****5678', phoneTail: '5678' }],
    ['+86 138-1234-5678', { phoneMasked: '138****5678', phoneTail: '5678' }],
    ['138****5678', { phoneMasked: '138****5678', phoneTail: '5678' }],
    ['', { phoneMasked: '', phoneTail: '' }],
    ['12812345678', null],
    ['1381234567', null],
    ['021-62481234', null],
  ])('maskPhone(%s)', (raw, expected) => {
    expect(maskPhone(raw)).toEqual(expected);
  });

  test.each([
    ['2027-12-31', '2027-12-31T15:59:59.000Z'],
    ['2027/1/5', '2027-01-05T15:59:59.000Z'],
    ['2027-12-31T00:00:00Z', '2027-12-31T00:00:00.000Z'],
    ['2027-02-30', null],
    ['31/12/2027', null],
    ['', null],
  ])('parseValidUntil(%s) at UTC+8', (raw, expected) => {
    expect(parseValidUntil(raw, 480)).toBe(expected);
  });
});
