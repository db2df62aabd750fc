import { describe, expect, it } from 'vitest';
import { CsvError, decodeCsvBytes, MAX_SHIP_ROWS, parseCsv, parseCsvRecords, parseShipCsv, toCsv } from './csv';

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

  it('keeps the line each record starts on, across blank lines and quoted line breaks', () => {
    expect(parseCsvRecords('h1,h2\r\n\r\n"a\r\nb",c\r\n\r\nd,e').map((r) => [r.line, r.fields])).toEqual([
      [1, ['h1', 'h2']],
      [3, ['a\r\nb', 'c']],
      [6, ['d', 'e']],
    ]);
  });

  it('takes spaces before an opening quote (", " after a comma) as nothing', () => {
    expect(parseCsv('a, "b,c"')).toEqual([['a', 'b,c']]);
  });

  it('refuses an unclosed quote with its line instead of swallowing the rest of the file', () => {
    expect(() => parseCsv('a,b\n1,"2\n3,4\n')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,"2\n3,4\n');
    } catch (e) {
      expect((e as CsvError).line).toBe(2);
      expect((e as CsvError).message).toBe('第 2 行的引号没有闭合');
    }
  });
});

describe('parseShipCsv', () => {
  it('maps Chinese or English headers and reports incomplete rows by line', () => {
    const result = parseShipCsv('订单号,快递公司编码,运单号\nSO1,SF,SF123\nSO2,,YT9\n');
    expect(result.rows).toEqual([{ line: 2, orderNo: 'SO1', carrierCode: 'SF', trackingNo: 'SF123' }]);
    expect(result.errors).toEqual([{ line: 3, message: '第 3 行缺少：快递公司' }]);
  });

  it('reads an Excel file: BOM, CRLF, headers in another order with notes, extra columns, names for carriers', () => {
    const file =
      '\uFEFF运单号,备注,快递公司（编码或名称）,订单编号\r\n' +
      'YT1234567890,"客户要求""加急""，周末送",圆通速递,2025010112000012345678\r\n' +
      '\r\n' +
      ' ZT998877 ,,zhongtong, 2025010112000087654321 \r\n';
    expect(parseShipCsv(file)).toEqual({
      rows: [
        { line: 2, orderNo: '2025010112000012345678', carrierCode: '圆通速递', trackingNo: 'YT1234567890' },
        { line: 4, orderNo: '2025010112000087654321', carrierCode: 'zhongtong', trackingNo: 'ZT998877' },
      ],
      errors: [],
    });
  });

  it('takes English headers whatever their case and spacing', () => {
    expect(parseShipCsv('Order No,Carrier Code,tracking_no\nA1,yuantong,YT1\n').rows).toEqual([
      { line: 2, orderNo: 'A1', carrierCode: 'yuantong', trackingNo: 'YT1' },
    ]);
  });

  it('keeps good rows and reports each bad one with its real line, blank lines counted', () => {
    const result = parseShipCsv(
      '订单号,快递公司,运单号\n\nA1,yuantong,YT1\nA2,yuantong\n\n,yuantong,YT3\nA4,yunda,YD4\n',
    );
    expect(result.rows.map((r) => [r.line, r.orderNo])).toEqual([
      [3, 'A1'],
      [7, 'A4'],
    ]);
    expect(result.errors).toEqual([
      { line: 4, message: '第 4 行缺少：运单号' },
      { line: 6, message: '第 6 行缺少：订单号' },
    ]);
  });

  it('refuses a file without the needed columns, an empty one, an unclosed quote and too many rows', () => {
    expect(parseShipCsv('orderNo,foo\nSO1,1\n').errors.map((e) => e.message)).toEqual([
      '缺少“快递公司”列（表头第 1 行）',
      '缺少“运单号”列（表头第 1 行）',
    ]);
    expect(parseShipCsv('\uFEFF\r\n\r\n').errors).toEqual([{ line: 1, message: '文件是空的' }]);
    expect(parseShipCsv('订单号,快递公司,运单号\r\n').errors).toEqual([{ line: 2, message: '文件里没有要发货的行' }]);
    expect(parseShipCsv('订单号,快递公司,运单号\nA1,"yuantong,YT1\n').errors).toEqual([
      { line: 2, message: '第 2 行的引号没有闭合' },
    ]);
    const big = `订单号,快递公司,运单号\n${'A1,yuantong,YT1\n'.repeat(MAX_SHIP_ROWS + 1)}`;
    expect(parseShipCsv(big)).toEqual({ rows: [], errors: [{ line: 1, message: '一次最多 500 行，请把文件拆开' }] });
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 (BOM kept for the parser to drop) and falls back to GB18030 from Excel on Chinese Windows', () => {
    const utf8 = new TextEncoder().encode('\uFEFF订单号,快递公司,运单号\n');
    expect(parseShipCsv(decodeCsvBytes(utf8)).errors).toEqual([{ line: 2, message: '文件里没有要发货的行' }]);
    // 订单号,快递公司,运单号 + a row, as GBK bytes
    const gbk = Uint8Array.from([
      0xb6, 0xa9, 0xb5, 0xa5, 0xba, 0xc5, 0x2c, 0xbf, 0xec, 0xb5, 0xdd, 0xb9, 0xab, 0xcb, 0xbe, 0x2c, 0xd4, 0xcb, 0xb5,
      0xa5, 0xba, 0xc5, 0x0d, 0x0a, 0x41, 0x31, 0x2c, 0xd4, 0xb2, 0xcd, 0xa8, 0x2c, 0x59, 0x54, 0x31, 0x0d, 0x0a,
    ]);
    expect(decodeCsvBytes(gbk)).toBe('订单号,快递公司,运单号\r\nA1,圆通,YT1\r\n');
    expect(parseShipCsv(decodeCsvBytes(gbk)).rows).toEqual([
      { line: 2, orderNo: 'A1', carrierCode: '圆通', trackingNo: 'YT1' },
    ]);
  });
});

describe('toCsv', () => {
  it('quotes what needs it and defuses formulas', () => {
    expect(toCsv([['a,b', '=1+1', 3]])).toBe('\uFEFF"a,b",\'=1+1,3\r\n');
  });
});
