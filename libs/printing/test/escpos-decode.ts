/**
 * Reads ESC/POS bytes back into what the paper shows, independently of the encoder library:
 * text lines (codepage bytes mapped back with our own tables for the Nordic letters), QR
 * payloads, cuts and drawer pulses. Any command it does not know makes it throw, so a test
 * notices when the bytes change shape.
 */
const NORDIC_OEM: Record<number, string> = {
  0x81: '\u00fc', 0x82: '\u00e9', 0x84: '\u00e4', 0x86: '\u00e5', 0x8e: '\u00c4', 0x8f: '\u00c5',
  0x90: '\u00c9', 0x94: '\u00f6', 0x99: '\u00d6', 0x9a: '\u00dc', 0x9b: '\u00f8', 0x9d: '\u00d8',
};

const ESCPOS_CODEPAGES: Record<number, string> = { 0: 'cp437', 2: 'cp850', 5: 'cp865', 16: 'windows1252', 19: 'cp858' };

function highByte(codepage: string, byte: number): string {
  if (codepage === 'windows1252') return byte >= 0xa0 ? String.fromCharCode(byte) : '\ufffd';
  return NORDIC_OEM[byte] ?? '\ufffd';
}

export interface DecodedPaper {
  /** The lines as printed, trailing spaces dropped. */
  readonly lines: string[];
  /** Lines printed at double size, as their text. */
  readonly bigLines: string[];
  readonly qr: string[];
  readonly codepages: string[];
  readonly cuts: number;
  readonly drawerPulses: number;
}

export function decodeEscPos(bytes: Uint8Array): DecodedPaper {
  const lines: string[] = [];
  const bigLines: string[] = [];
  const qr: string[] = [];
  const codepages: string[] = [];
  let cuts = 0;
  let drawerPulses = 0;
  let codepage = 'cp437';
  let current = '';
  let big = false;
  let lineWasBig = false;
  let i = 0;
  const need = (n: number) => {
    if (i + n > bytes.length) throw new Error(`truncated command at ${i}`);
  };
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 0x1b) {
      need(2);
      const c = bytes[i + 1];
      if (c === 0x40) i += 2;
      else if (c === 0x4d || c === 0x45 || c === 0x61 || c === 0x64) i += 3;
      else if (c === 0x74) {
        need(3);
        const name = ESCPOS_CODEPAGES[bytes[i + 2]];
        if (!name) throw new Error(`unknown codepage ${bytes[i + 2]}`);
        codepage = name;
        codepages.push(name);
        i += 3;
      } else if (c === 0x70) {
        drawerPulses += 1;
        i += 5;
      } else throw new Error(`unknown ESC ${c.toString(16)} at ${i}`);
    } else if (b === 0x1c && bytes[i + 1] === 0x2e) i += 2;
    else if (b === 0x1d) {
      need(2);
      const c = bytes[i + 1];
      if (c === 0x21) {
        need(3);
        big = bytes[i + 2] !== 0;
        if (big) lineWasBig = true;
        i += 3;
      } else if (c === 0x56) {
        need(3);
        cuts += 1;
        i += bytes[i + 2] === 65 || bytes[i + 2] === 66 ? 4 : 3;
      } else if (c === 0x28 && bytes[i + 2] === 0x6b) {
        need(5);
        const length = bytes[i + 3] + bytes[i + 4] * 256;
        const cn = bytes[i + 5];
        const fn = bytes[i + 6];
        if (cn === 0x31 && fn === 0x50) qr.push(Buffer.from(bytes.slice(i + 8, i + 5 + length)).toString('latin1'));
        i += 5 + length;
      } else throw new Error(`unknown GS ${c.toString(16)} at ${i}`);
    } else if (b === 0x0a) {
      lines.push(current.trimEnd());
      if (lineWasBig) bigLines.push(current.trim());
      current = '';
      lineWasBig = big;
      i += 1;
    } else if (b === 0x0d) i += 1;
    else if (b < 0x20) throw new Error(`unknown control byte ${b.toString(16)} at ${i}`);
    else {
      current += b < 0x80 ? String.fromCharCode(b) : highByte(codepage, b);
      i += 1;
    }
  }
  if (current) lines.push(current.trimEnd());
  return { lines, bigLines, qr, codepages, cuts, drawerPulses };
}
