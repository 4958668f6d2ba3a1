import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** One CSV record: its first line's number (1-based) and fields, or why it cannot be read. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** Set when the record is malformed; `fields` is then incomplete. */
  error?: string;
}

export interface CsvOptions {
  /** Longest field kept (characters); a longer one makes the record bad and is not buffered. */
  maxFieldLength?: number;
  /** Most fields per record kept. */
  maxFields?: number;
  /** Bytes read so far, for progress. */
  onBytes?: (bytes: number) => void;
}

/**
 * Reads RFC 4180 CSV from a byte stream, one record at a time, in constant memory whatever the
 * file's size: a byte-order mark, CRLF or LF line ends, quoted fields with commas, doubled
 * quotes and line breaks. Malformed input never stops the stream: the record is reported
 * (`error`) and reading goes on at the next record. A field longer than `maxFieldLength` is
 * counted, not kept, so a 1 GB "field" (an unterminated quote) costs no memory.
 */
export async function* readCsv(
  input: Readable,
  options: CsvOptions = {},
): AsyncGenerator<CsvRecord> {
  const maxField = options.maxFieldLength ?? 1024;
  const maxFields = options.maxFields ?? 64;
  const decoder = new StringDecoder('utf8');
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let fieldLength = 0;
  let quoted = false; // inside a quoted field
  let quoteSeen = false; // a quote inside a quoted field: the end, or the first of a pair
  let startOfField = true;
  let error: string | undefined;
  let first = true;
  let empty = true; // nothing but a line end since the record started

  const fail = (reason: string) => {
    error ??= reason;
  };
  const append = (c: string) => {
    fieldLength++;
    empty = false;
    if (fieldLength <= maxField) field += c;
    else fail(`field ${fields.length + 1} is longer than ${maxField} characters`);
  };
  const endField = () => {
    if (fields.length < maxFields) fields.push(field);
    else fail(`more than ${maxFields} fields`);
    field = '';
    fieldLength = 0;
    startOfField = true;
  };
  const endRecord = (): CsvRecord | undefined => {
    endField();
    const record = empty && !error ? undefined : { line: recordLine, fields, error };
    fields = [];
    error = undefined;
    empty = true;
    recordLine = line;
    return record;
  };

  let bytes = 0;
  for await (const chunk of input) {
    // Byte streams give Buffers; Readable.from(strings) gives strings.
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    options.onBytes?.(bytes);
    let text = decoder.write(buffer);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const out: CsvRecord[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === '"') {
            append('"');
            continue;
          }
          // The quote closed the field: c is read as outside quotes below.
          quoted = false;
          if (c !== ',' && c !== '\n' && c !== '\r') {
            fail(`text after the closing quote of field ${fields.length + 1}`);
          }
        } else if (c === '"') {
          quoteSeen = true;
          continue;
        } else {
          if (c === '\n') line++;
          append(c);
          continue;
        }
      }
      if (c === ',') {
        empty = false;
        endField();
      } else if (c === '\n') {
        line++;
        const record = endRecord();
        if (record) out.push(record);
      } else if (c === '\r') {
        // CR of a CRLF (or a lone CR): line ends are read at the LF.
      } else if (c === '"') {
        empty = false;
        if (startOfField && fieldLength === 0) quoted = true;
        else fail(`a quote inside unquoted field ${fields.length + 1}`);
      } else {
        startOfField = false;
        append(c);
      }
      if (c !== '"') startOfField = c === ',' || c === '\n';
    }
    for (const record of out) yield record;
  }
  const rest = decoder.end();
  if (rest) for (const c of rest) append(c);
  if (quoted && !quoteSeen) fail('a quoted field is never closed');
  const record = endRecord();
  if (record) yield record;
}
