import { PASS, profile, receiptContent } from '../../test/print-content.factory';
import { renderPrint } from './render';

const lines = (text: string) => text.replace(/\n$/, '').split('\n');

describe('the customer receipt', () => {
  it.each([32, 42, 48])('fits %i columns on every line and keeps amounts flush right', (columns) => {
    const { text } = renderPrint({ content: receiptContent(), profile: profile(columns) }, false);
    for (const line of lines(text)) expect(line.length).toBeLessThanOrEqual(columns);
    const total = lines(text).find((l) => l.startsWith('TOTALT SEK'));
    expect(total).toHaveLength(columns);
    expect(total?.endsWith('110,00')).toBe(true);
    expect(lines(text)).toContain('='.repeat(columns));
  });

  it('shows what a Swedish receipt must: seller, org. number, number, time, lines, VAT per rate, payment, pickup pass', () => {
    const text = renderPrint({ content: receiptContent(), profile: profile(32) }, false).text;
    expect(text).toBe(
      [
        '        Kafé Ölandsbröd',
        '       Drottninggatan 12',
        '        111 51 Stockholm',
        '       Org.nr 556036-0793',
        '================================',
        'Kvitto 42       2026-03-29 10:30',
        '--------------------------------',
        '    O r d e r   A - 0 4 2',
        '       Hämtas 2026-03-29',
        '    1 0 : 4 5 - 1 1 : 0 0',
        'Kund: Åsa Öberg',
        '--------------------------------',
        '2 x Kanelbulle             70,00',
        '  + Extra pärlsocker',
        '  Obs: Värm gärna',
        '1 x Smörgås med ägg och    50,00',
        'räkor',
        '--------------------------------',
        'Delsumma                  120,00',
        'Rabatt                    -10,00',
        'TOTALT SEK                110,00',
        '--------------------------------',
        'Moms %        Underlag      Moms',
        '25 %             20,00      5,00',
        '12 %             80,36      9,64',
        'Summa moms                 14,64',
        '--------------------------------',
        'Betalning: Kort',
        '--------------------------------',
        '              [QR]',
        PASS.slice(0, 32),
        `        ${PASS.slice(32)}`,
        '        Upphämtningskod',
        '          7 K 3 M 9 P',
        '--------------------------------',
        '       Tack för ditt köp!',
        '',
        '',
      ].join('\n'),
    );
  });

  it('leaves out subtotal and discount lines when there is no discount', () => {
    const text = renderPrint({ content: receiptContent({}, { discount: 0, subtotal: 12000, total: 12000 }), profile: profile(48) }, false).text;
    expect(text).not.toContain('Rabatt');
    expect(text).not.toContain('Delsumma');
    expect(text).toMatch(/^TOTALT SEK +120,00$/m);
  });

  it('says "Betalas vid upphämtning" on a pay-at-pickup receipt', () => {
    const text = renderPrint({ content: receiptContent({}, { paymentMethod: 'in_store' }), profile: profile(42) }, false).text;
    expect(text).toContain('Betalas vid upphämtning');
    expect(text).not.toContain('Betalning:');
  });

  it('is in English for an English order, with a decimal point', () => {
    const text = renderPrint({ content: receiptContent({ locale: 'en' }), profile: profile(48) }, false).text;
    expect(text).toMatch(/^Receipt 42 +2026-03-29 10:30$/m);
    expect(text).toMatch(/^TOTAL SEK +110\.00$/m);
    expect(text).toMatch(/^VAT % +Net +VAT$/m);
    expect(text).toMatch(/^12 % +80\.36 +9\.64$/m);
    expect(text).toContain('Payment: Card');
    expect(text).toContain('Pickup code');
  });

  it('prints KOPIA in large letters on top of a copy, and nothing else changes', () => {
    const original = renderPrint({ content: receiptContent(), profile: profile(48) }, false);
    const copy = renderPrint({ content: receiptContent(), profile: profile(48) }, true);
    expect(lines(copy.text)[0]).toBe('                  K O P I A');
    expect(copy.lines[0]).toEqual({ type: 'text', text: '         KOPIA', size: 2, bold: true });
    expect(lines(copy.text).slice(2)).toEqual(lines(original.text));
  });

  it('shows rates with a decimal as such', () => {
    const text = renderPrint({ content: receiptContent({}, { vat: [{ rate: 2550, base: 8765, amount: 2235 }] }), profile: profile(32) }, false).text;
    expect(text).toMatch(/^25,5 % +87,65 +22,35$/m);
  });

  it('opens the cash drawer only when asked and the printer has one', () => {
    const withDrawer = renderPrint({ content: receiptContent({ openDrawer: true }), profile: profile(32, { cashDrawer: true }) }, false);
    const noDrawer = renderPrint({ content: receiptContent({ openDrawer: true }), profile: profile(32) }, false);
    const online = renderPrint({ content: receiptContent(), profile: profile(32, { cashDrawer: true }) }, false);
    const pulse = Buffer.from([0x1b, 0x70]);
    expect(withDrawer.bytes.includes(pulse)).toBe(true);
    expect(noDrawer.bytes.includes(pulse)).toBe(false);
    expect(online.bytes.includes(pulse)).toBe(false);
  });
});
