import { kitchenContent, profile } from '../../test/print-content.factory';
import { renderPrint } from './render';

describe('the kitchen ticket', () => {
  it('shows the number and pickup time big, the lines with modifiers and notes, and no prices', () => {
    const { text, lines } = renderPrint({ content: kitchenContent(), profile: profile(32) }, false);
    expect(text).toBe(
      [
        '          A - 0 4 2',
        '    1 0 : 4 5 - 1 1 : 0 0',
        '       Hämtas 2026-03-29',
        '           Åsa Öberg',
        '================================',
        '2 x Kanelbulle',
        '   + Extra pärlsocker',
        '   ! Värm gärna',
        '1 x Smörgås med ägg och räkor',
        '   + Utan lök',
        '================================',
        'Köksbong          Beställd 10:29',
        '',
        '',
      ].join('\n'),
    );
    expect(lines.filter((l) => l.type === 'text' && l.size === 2).map((l) => l.type === 'text' && l.text.trim())).toEqual(['A-042', '10:45-11:00']);
    expect(text).not.toMatch(/\d+,\d\d/);
  });

  it.each([42, 48])('fits %i columns', (columns) => {
    const long = kitchenContent({ lines: [{ name: 'Surdegsbröd med valnötter, russin och extra allt som går', quantity: 12, modifiers: ['Skivat tunt tack, och inslaget i papper'], note: 'Hämtas av budet – ring på' }] });
    const { text } = renderPrint({ content: long, profile: profile(columns) }, false);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(columns);
    expect(text).toContain('! Hämtas av budet - ring på');
  });

  it('marks a reprint KOPIA', () => {
    expect(renderPrint({ content: kitchenContent(), profile: profile(42) }, true).text.split('\n')[0]).toBe('                K O P I A');
  });
});
