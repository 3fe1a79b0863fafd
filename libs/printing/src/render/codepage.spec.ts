import { decodeEscPos } from '../../test/escpos-decode';
import { kitchenContent, PASS, profile, receiptContent } from '../../test/print-content.factory';
import { codepageSupported } from './escpos.encoder';
import { printable } from './print-document';
import { renderPrint } from './render';

/** What the preview shows is what the bytes print: decoding the paper gives the same lines, å/ä/ö included. */
describe('codepages', () => {
  it.each(['cp865', 'cp858', 'cp437', 'cp850', 'windows1252', 'auto'])('prints å ä ö Å Ä Ö right in %s', (codepage) => {
    const rendered = renderPrint({ content: receiptContent(), profile: profile(42, { codepage }) }, false);
    const paper = decodeEscPos(rendered.bytes);
    const expected = rendered.lines.flatMap((l) => (l.type === 'text' ? [l.text] : l.type === 'qr' ? [''] : []));
    expect(paper.lines.slice(0, expected.length)).toEqual(expected);
    expect(paper.lines.join('\n')).toContain('Kund: Åsa Öberg');
    expect(paper.lines.join('\n')).toContain('Smörgås med ägg och räkor');
    expect(paper.lines.join('\n')).not.toContain('\ufffd');
    expect(paper.bigLines).toEqual(['Order A-042', '10:45-11:00', '7K3M9P']);
    expect(paper.qr).toEqual([PASS]);
    expect(paper.cuts).toBe(1);
    if (codepage !== 'auto') expect(paper.codepages).toEqual([codepage]);
  });

  it('uses the codepage bytes of cp865 for the Swedish letters', () => {
    const rendered = renderPrint({ content: kitchenContent({ customerName: 'åäöÅÄÖ' }), profile: profile(32, { codepage: 'cp865' }) }, false);
    expect(rendered.bytes.includes(Buffer.from([0x1b, 0x74, 5]))).toBe(true);
    expect(rendered.bytes.includes(Buffer.from([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99]))).toBe(true);
  });

  it('speaks StarPRNT to Star printers, with the same letters and the pass in the QR code', () => {
    const rendered = renderPrint({ content: receiptContent(), profile: profile(48, { language: 'starprnt', codepage: 'cp865' }) }, false);
    expect(rendered.bytes.includes(Buffer.from([0x1b, 0x1d, 0x74, 9]))).toBe(true);
    expect(rendered.bytes.includes(Buffer.from([0x8f, 0x73, 0x61, 0x20, 0x99, 0x62, 0x65, 0x72, 0x67]))).toBe(true);
    const store = Buffer.concat([Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, PASS.length, 0]), Buffer.from(PASS)]);
    expect(rendered.bytes.includes(store)).toBe(true);
  });

  it('turns what no codepage has into what it has', () => {
    expect(printable('Café – “Åre” … 5 × 2 € Łódź 北')).toBe('Café - "Åre" ... 5 x 2 EUR Lódz ?');
  });

  it('knows which codepages each command language has', () => {
    expect(codepageSupported('escpos', 'cp850')).toBe(true);
    expect(codepageSupported('starprnt', 'cp850')).toBe(false);
    expect(codepageSupported('escpos', 'cp1337')).toBe(false);
  });
});
