/** A file that is not CSV as spreadsheets write it: where, and what to fix. */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export interface CsvRecord {
  /** the file's line the record starts on (1-based; a quoted field may span lines) */
  line: number;
  fields: string[];
}

/**
 * CSV as spreadsheets write it (RFC 4180): commas, quoted fields with "" for a quote, CRLF or
 * LF line ends, a UTF-8 byte-order mark from Excel. Blank lines are skipped, but every record
 * keeps the line it starts on, so messages can point into the file. An unclosed quote is a
 * CsvError (everything after it would silently become one field).
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let quoteLine = 1;
  const input = text.replace(/^\uFEFF/, '');
  const endRecord = (): void => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && input[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      // spaces before an opening quote (", " after a comma) are not part of the field
      field = '';
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) throw new CsvError(quoteLine, `第 ${quoteLine} 行的引号没有闭合`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/**
 * A file's text: UTF-8 (with or without a BOM), else GB18030, which is what Excel on a Chinese
 * Windows writes for "CSV (逗号分隔)": read as UTF-8 it would be mojibake and every header missing.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Rows of fields (blank lines dropped). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.fields);
}

export interface ShipRow {
  line: number;
  orderNo: string;
  carrierCode: string;
  trackingNo: string;
}

export interface ShipCsvResult {
  rows: ShipRow[];
  errors: { line: number; message: string }[];
}

/** The most rows one bulk-ship request takes (POST /admin/orders/bulk-ship). */
export const MAX_SHIP_ROWS = 500;

const COLUMN_NAMES: Record<keyof Omit<ShipRow, 'line'>, string> = {
  orderNo: '订单号',
  carrierCode: '快递公司',
  trackingNo: '运单号',
};

/** Header names as people and other systems write them (case, spaces and （）notes ignored). */
const HEADERS: Record<string, keyof Omit<ShipRow, 'line'>> = {
  orderno: 'orderNo',
  订单号: 'orderNo',
  订单编号: 'orderNo',
  carriercode: 'carrierCode',
  carrier: 'carrierCode',
  快递公司: 'carrierCode',
  快递公司编码: 'carrierCode',
  物流公司: 'carrierCode',
  快递: 'carrierCode',
  trackingno: 'trackingNo',
  运单号: 'trackingNo',
  快递单号: 'trackingNo',
  物流单号: 'trackingNo',
};

const headerKey = (h: string): keyof Omit<ShipRow, 'line'> | undefined =>
  HEADERS[
    h
      .replace(/[（(][^）)]*[）)]/g, '')
      .replace(/[\s_-]/g, '')
      .toLowerCase()
  ];

/**
 * The bulk-ship file: a header row naming 订单号, 快递公司 (code such as yuantong, or the name
 * 圆通速递) and 运单号, in any order, other columns ignored; then one parcel per row (rows of the
 * same order are its parcels). Rows missing a value are reported by their line and left out.
 */
export function parseShipCsv(text: string): ShipCsvResult {
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(text);
  } catch (e) {
    if (e instanceof CsvError) return { rows: [], errors: [{ line: e.line, message: e.message }] };
    throw e;
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [{ line: 1, message: '文件是空的' }] };
  const columns = header.fields.map(headerKey);
  const errors: ShipCsvResult['errors'] = [];
  for (const needed of ['orderNo', 'carrierCode', 'trackingNo'] as const) {
    if (!columns.includes(needed)) {
      errors.push({ line: header.line, message: `缺少“${COLUMN_NAMES[needed]}”列（表头第 ${header.line} 行）` });
    }
  }
  if (errors.length > 0) return { rows: [], errors };
  if (body.length > MAX_SHIP_ROWS) {
    return { rows: [], errors: [{ line: 1, message: `一次最多 ${MAX_SHIP_ROWS} 行，请把文件拆开` }] };
  }
  const rows: ShipRow[] = [];
  for (const { line, fields } of body) {
    const row: ShipRow = { line, orderNo: '', carrierCode: '', trackingNo: '' };
    columns.forEach((col, i) => {
      if (col && !row[col]) row[col] = (fields[i] ?? '').trim();
    });
    const missing = (['orderNo', 'carrierCode', 'trackingNo'] as const).filter((k) => !row[k]);
    if (missing.length > 0) {
      errors.push({ line, message: `第 ${line} 行缺少：${missing.map((k) => COLUMN_NAMES[k]).join('、')}` });
    } else rows.push(row);
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 2, message: '文件里没有要发货的行' });
  return { rows, errors };
}

/** One CSV field: quoted when it holds a comma, quote or line break; formula starts defused. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  // a spreadsheet would run =, +, -, @ as a formula (CSV injection)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
