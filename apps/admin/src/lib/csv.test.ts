import { describe, expect, it } from 'vitest';
import { parseCsv, parseShipCsv, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,c","say ""hi"""\r\n1,2,3\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });
  it('keeps line breaks inside quotes and drops blank lines', () => {
    expect(parseCsv('"x\ny",z\n\n,\n')).toEqual([['x\ny', 'z']]);
  });
});

describe('parseShipCsv', () => {
  it('maps Chinese or English headers and reports incomplete rows by line', () => {
    const result = parseShipCsv('订单号,快递公司编码,运单号\nSO1,SF,SF123\nSO2,,YT9\n');
    expect(result.rows).toEqual([{ line: 2, orderNo: 'SO1', carrierCode: 'SF', trackingNo: 'SF123' }]);
    expect(result.errors).toEqual([{ line: 3, message: '第 3 行缺少：carrierCode' }]);
  });
  it('refuses a file without the needed columns', () => {
    expect(parseShipCsv('orderNo,foo\nSO1,1\n').errors.map((e) => e.message)).toEqual([
      '缺少列：carrierCode',
      '缺少列：trackingNo',
    ]);
  });
});

describe('toCsv', () => {
  it('quotes what needs it and defuses formulas', () => {
    expect(toCsv([['a,b', '=1+1', 3]])).toBe('\uFEFF"a,b",\'=1+1,3\r\n');
  });
});
