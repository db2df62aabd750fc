/**
 * CSV as spreadsheets write it (RFC 4180): commas, quoted fields with "" for a quote, CRLF or
 * LF line ends, a UTF-8 byte-order mark from Excel. Returns rows of fields.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
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

const HEADERS: Record<string, keyof Omit<ShipRow, 'line'>> = {
  orderno: 'orderNo',
  订单号: 'orderNo',
  carriercode: 'carrierCode',
  快递公司: 'carrierCode',
  快递公司编码: 'carrierCode',
  trackingno: 'trackingNo',
  运单号: 'trackingNo',
};

/** The bulk-ship file: a header row naming 订单号/orderNo, 快递公司编码/carrierCode, 运单号/trackingNo. */
export function parseShipCsv(text: string): ShipCsvResult {
  const [header, ...body] = parseCsv(text);
  const errors: ShipCsvResult['errors'] = [];
  if (!header) return { rows: [], errors: [{ line: 1, message: '文件是空的' }] };
  const columns = header.map((h) => HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()]);
  for (const needed of ['orderNo', 'carrierCode', 'trackingNo'] as const) {
    if (!columns.includes(needed)) errors.push({ line: 1, message: `缺少列：${needed}` });
  }
  if (errors.length > 0) return { rows: [], errors };
  const rows: ShipRow[] = [];
  body.forEach((fields, index) => {
    const line = index + 2;
    const row: ShipRow = { line, orderNo: '', carrierCode: '', trackingNo: '' };
    columns.forEach((col, i) => {
      if (col) row[col] = (fields[i] ?? '').trim();
    });
    const missing = (['orderNo', 'carrierCode', 'trackingNo'] as const).filter((k) => !row[k]);
    if (missing.length > 0) errors.push({ line, message: `第 ${line} 行缺少：${missing.join('、')}` });
    else rows.push(row);
  });
  return { rows, errors };
}

/** One CSV field: quoted when it holds a comma, quote or line break; formula starts defused. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  // a spreadsheet would run =, +, -, @ as a formula (CSV injection)
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
