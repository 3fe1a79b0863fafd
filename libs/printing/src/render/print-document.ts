/**
 * The one layout model both the paper and the preview are made from: lines already wrapped and
 * aligned for the printer's columns. Big lines are double width and height, so they hold half
 * the columns; the plain-text preview spaces their characters out to show the same width.
 */
export type PrintLine =
  | { readonly type: 'text'; readonly text: string; readonly size: 1 | 2; readonly bold: boolean }
  | { readonly type: 'qr'; readonly payload: string }
  | { readonly type: 'drawer' }
  | { readonly type: 'cut' };

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  readonly align?: Align;
  readonly size?: 1 | 2;
  readonly bold?: boolean;
}

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2026': '...', '\u00d7': 'x', '\u20ac': 'EUR', '\u00df': 'ss', '\u0153': 'oe', '\u0152': 'OE', '\u0141': 'L', '\u0142': 'l',
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\t': ' ',
};

// Letters every codepage we offer (cp437, cp850, cp858, cp865, windows-1252) can print.
const PRINTABLE = /^[\x20-\x7e\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00f8\u00d8\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00a3]$/u;

/**
 * Text as every supported codepage can print it: typographic punctuation becomes ASCII, accents
 * outside the codepages fall back to the bare letter, anything else becomes "?". The preview
 * goes through the same function, so it never shows a character the paper cannot.
 */
export function printable(value: string): string {
  let out = '';
  for (const char of value.normalize('NFC')) {
    if (PRINTABLE.test(char)) {
      out += char;
      continue;
    }
    const replaced = REPLACEMENTS[char];
    if (replaced !== undefined) {
      out += replaced;
      continue;
    }
    if (char === '\n' || char === '\r') {
      out += ' ';
      continue;
    }
    const bare = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += bare.length > 0 && [...bare].every((c) => PRINTABLE.test(c)) ? bare : '?';
  }
  return out;
}

/** Word-wraps to `width`, breaking words longer than a line. */
export function wrap(value: string, width: number): string[] {
  const words = printable(value).trim().split(/ +/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (let word of words) {
    while (word.length > width) {
      if (current) {
        lines.push(current);
        current = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!word) continue;
    if (!current) current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [''];
}

function aligned(text: string, width: number, align: Align): string {
  const room = Math.max(0, width - text.length);
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text;
  return text;
}

/** Builds the lines of one piece of paper for a printer with `columns` characters a line. */
export class LayoutBuilder {
  private readonly out: PrintLine[] = [];

  constructor(readonly columns: number) {}

  /** Characters a line holds at this size. */
  widthAt(size: 1 | 2): number {
    return size === 2 ? Math.floor(this.columns / 2) : this.columns;
  }

  text(value: string, style: TextStyle = {}): this {
    const size = style.size ?? 1;
    const width = this.widthAt(size);
    for (const line of wrap(value, width)) this.push(aligned(line, width, style.align ?? 'left'), size, style.bold ?? false);
    return this;
  }

  /** Text on the left, a value (an amount) flush right on the first line; the text wraps before it. */
  pair(left: string, right: string, style: { bold?: boolean; indent?: number } = {}): this {
    const value = printable(right);
    const indent = ' '.repeat(style.indent ?? 0);
    const room = Math.max(1, this.columns - value.length - 1 - indent.length);
    const lines = wrap(left, room);
    lines.forEach((line, i) => {
      const start = indent + line;
      this.push(i === 0 ? start + ' '.repeat(this.columns - start.length - value.length) + value : start, 1, style.bold ?? false);
    });
    return this;
  }

  /** Columns of fixed widths, the first left-aligned, the rest right-aligned (a VAT table). */
  row(cells: readonly string[], widths: readonly number[], style: { bold?: boolean } = {}): this {
    const text = cells
      .map((cell, i) => {
        const value = printable(cell).slice(0, widths[i]);
        return i === 0 ? value.padEnd(widths[i]) : value.padStart(widths[i]);
      })
      .join('');
    this.push(text, 1, style.bold ?? false);
    return this;
  }

  /** Wrapped text indented under a line (modifiers, notes). */
  indented(value: string, indent: number, prefix = ''): this {
    const first = ' '.repeat(indent) + prefix;
    const rest = ' '.repeat(indent + prefix.length);
    wrap(value, Math.max(1, this.columns - first.length)).forEach((line, i) => this.push((i === 0 ? first : rest) + line, 1, false));
    return this;
  }

  rule(char: '-' | '=' = '-'): this {
    this.push(char.repeat(this.columns), 1, false);
    return this;
  }

  blank(): this {
    this.push('', 1, false);
    return this;
  }

  qr(payload: string): this {
    this.out.push({ type: 'qr', payload });
    return this;
  }

  drawer(): this {
    this.out.push({ type: 'drawer' });
    return this;
  }

  cut(): this {
    this.out.push({ type: 'cut' });
    return this;
  }

  build(): PrintLine[] {
    return [...this.out];
  }

  private push(text: string, size: 1 | 2, bold: boolean): void {
    this.out.push({ type: 'text', text: text.trimEnd(), size, bold });
  }
}

/** The preview as plain monospace text, `columns` wide, as it comes out on paper. */
export function toPlainText(lines: readonly PrintLine[], columns: number): string {
  const out: string[] = [];
  for (const line of lines) {
    switch (line.type) {
      case 'text':
        out.push(line.size === 2 ? [...line.text].map((c) => `${c} `).join('').trimEnd() : line.text);
        break;
      case 'qr':
        out.push(aligned('[QR]', columns, 'center'));
        for (let i = 0; i < line.payload.length; i += columns) out.push(aligned(line.payload.slice(i, i + columns), columns, 'center'));
        break;
      case 'cut':
      case 'drawer':
        break;
    }
  }
  return `${out.join('\n')}\n`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * The preview as HTML: the same lines in a monospace block `columns` characters wide, big lines
 * at twice the size (so each of their characters takes two columns, as on paper), bold as bold,
 * and the QR code as an inline SVG made by `qrSvg`.
 */
export async function toHtml(lines: readonly PrintLine[], columns: number, qrSvg: (payload: string) => Promise<string>): Promise<string> {
  const parts: string[] = [];
  for (const line of lines) {
    switch (line.type) {
      case 'text': {
        const text = line.text === '' ? '&nbsp;' : escapeHtml(line.text);
        const style = line.size === 2 ? ' style="font-size:200%;line-height:1.15"' : '';
        parts.push(`<div class="line${line.size === 2 ? ' big' : ''}"${style}>${line.bold ? `<b>${text}</b>` : text}</div>`);
        break;
      }
      case 'qr':
        parts.push(`<div class="qr" style="width:50%;margin:0.5em auto">${await qrSvg(line.payload)}</div>`);
        break;
      case 'cut':
        parts.push('<div class="cut" style="border-top:1px dashed #999;margin-top:0.5em"></div>');
        break;
      case 'drawer':
        break;
    }
  }
  return (
    `<div class="kassa-paper" style="font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;` +
    `line-height:1.3;white-space:pre;width:${columns}ch;padding:1ch;background:#fff;color:#000">${parts.join('')}</div>`
  );
}
