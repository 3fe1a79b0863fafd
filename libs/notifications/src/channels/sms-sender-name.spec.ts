import { smsSenderName } from './sms-sender-name';

describe('SMS sender name from the store name', () => {
  it('keeps whole words within 11 characters, without spaces or accents', () => {
    expect(smsSenderName('Kassa Demo Café')).toBe('KassaDemo');
    expect(smsSenderName('Café Åre')).toBe('CafeAre');
    expect(smsSenderName('Bageri Ölands 3')).toBe('Bageri');
  });

  it('cuts a single long word at 11 characters', () => {
    expect(smsSenderName('Konditoriaffären')).toBe('Konditoriaf');
  });

  it('falls back to Kassa when nothing usable is left', () => {
    expect(smsSenderName('☕')).toBe('Kassa');
    expect(smsSenderName('7-Eleven')).toBe('7Eleven');
    expect(smsSenderName('24 7')).toBe('Kassa');
  });
});
