import { kitchenContent, profile, receiptContent } from '../../test/print-content.factory';
import { memoisedCodepages, withoutCodepageMemo } from './codepage-memo';
import { CODEPAGES, codepageSupported } from './escpos.encoder';
import type { PrintSource } from './print-content';
import { renderPrint } from './render';

const LANGUAGES = ['escpos', 'starprnt'] as const;

const sources = (codepage: string): PrintSource[] =>
  LANGUAGES.filter((language) => codepageSupported(language, codepage)).flatMap((language) => [
    {
      content: receiptContent(
        { footer: 'Välkommen åter! Ämnen, öl, café, Müsli, Übung' },
        {
          customerName: 'Åsa Öberg-Ünal',
          lines: [
            { name: 'Crème brûlée', quantity: 1, amount: 6500, modifiers: ['Extra grädde'], note: 'Ingen nötter, tack – är allergisk' },
            { name: 'Müsli med äpple', quantity: 2, amount: 9000, modifiers: ['Havremjölk'], note: null },
          ],
        },
      ),
      profile: profile(48, { language, codepage }),
    },
    { content: kitchenContent({ customerName: 'Éva Åström', lines: [{ name: 'Smörgås Über', quantity: 3, modifiers: ['Utan lök', 'Dubbel ost'], note: 'Skär i fyra' }] }), profile: profile(32, { language, codepage }) },
  ]);

/** Codepage definitions are made once and shared; what reaches the paper must not change by a byte. */
describe('codepage definitions made once', () => {
  const render = (source: PrintSource) => [renderPrint(source, false).bytes, renderPrint(source, true).bytes];
  // With the memo first, while the library has built no definition yet (each spec file loads it afresh).
  const memoised = new Map(CODEPAGES.map((codepage) => [codepage, sources(codepage).map(render)]));

  it.each([...CODEPAGES])('prints the same bytes in %s with and without the memo, every time', (codepage) => {
    const expected = sources(codepage).map((source) => withoutCodepageMemo(() => render(source)));
    expect(memoised.get(codepage)).toEqual(expected);
    expect(sources(codepage).map(render)).toEqual(expected);
  });

  it('is what the receipt encoder uses', () => {
    expect(memoisedCodepages()).toEqual(expect.arrayContaining(['cp437', 'cp850', 'cp858', 'cp865', 'windows1252']));
  });
});
