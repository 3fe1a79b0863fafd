import { isCurrency, isTimezone, organisationNumberProblem, slugify, storeSettingsProblems } from './store-rules';

describe('store settings', () => {
  it('accepts Nordic time zones and currencies and refuses made-up ones', () => {
    expect(isTimezone('Europe/Stockholm')).toBe(true);
    expect(isTimezone('Europe/Gothenburg')).toBe(false);
    expect(isCurrency('SEK')).toBe(true);
    expect(isCurrency('XYZ')).toBe(false);
  });

  it('checks the Luhn digit of Swedish organisation numbers', () => {
    expect(organisationNumberProblem('SE', '556036-0793')).toBeUndefined();
    expect(organisationNumberProblem('SE', '5560360793')).toBeUndefined();
    expect(organisationNumberProblem('SE', '556036-0794')).toBe('has a wrong check digit');
    expect(organisationNumberProblem('SE', '55603-60793')).toBe('must look like 556677-8899');
    expect(organisationNumberProblem('NO', '923 609 016')).toBeUndefined();
  });

  it('makes readable slugs from names with å, ä, ö', () => {
    expect(slugify('Kafé Åkern & Söner')).toBe('kafe-akern-soner');
    expect(slugify('Ærø Smørrebrød')).toBe('aero-smorrebrod');
  });

  it('names every field that is wrong', () => {
    expect(
      storeSettingsProblems({ timezone: 'Mars/Olympus', currency: 'kr', country: 'SE', organisationNumber: '1' }).map(
        (p) => p.field,
      ),
    ).toEqual(['timezone', 'currency', 'organisationNumber']);
  });
});
