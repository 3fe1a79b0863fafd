/** One parsed CSV record and the line of the file it starts on (1-based, header included). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/**
 * An RFC 4180 reader: quoted fields may hold separators, newlines and doubled quotes; a UTF-8 BOM
 * is dropped; CRLF and LF both end records. The separator is `,` unless the header line has more
 * `;` than `,` (Swedish Excel exports use `;` because `,` is the decimal mark).
 */
export function parseCsv(text: string, separator?: ',' | ';'): { separator: ',' | ';'; records: CsvRecord[]; problem?: string } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sep = separator ?? detectSeparator(source);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedOpenedOn = 0;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (inQuotes) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      inQuotes = true;
      quotedOpenedOn = line;
      atFieldStart = false;
    } else if (c === sep) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (inQuotes) return { separator: sep, records, problem: `line ${quotedOpenedOn}: a quoted field is never closed` };
  if (field !== '' || fields.length > 0) endRecord();
  return { separator: sep, records };
}

function detectSeparator(text: string): ',' | ';' {
  const end = text.search(/\r?\n/);
  const header = end === -1 ? text : text.slice(0, end);
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
