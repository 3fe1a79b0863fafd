import { barcodeKind, barcodeProblem, barcodeVariants, withCheckDigit } from './barcode';

describe('barcode check digit', () => {
  it('accepts real EAN-13, EAN-8 and UPC-A codes', () => {
    expect(barcodeKind('7310865004703')).toBe('EAN-13'); // a Swedish (73…) retail code
    expect(barcodeKind('96385074')).toBe('EAN-8');
    expect(barcodeKind('036000291452')).toBe('UPC-A');
  });

  it('refuses a code whose last digit does not match, saying which digit was expected', () => {
    expect(barcodeProblem('7310865004704')).toBe('has a wrong check digit (expected 3)');
    expect(barcodeProblem('96385075')).toBe('has a wrong check digit (expected 4)');
  });

  it('refuses letters and lengths no scanner produces', () => {
    expect(barcodeProblem('73108650047O3')).toBe('must contain digits only');
    expect(barcodeProblem('1234567')).toMatch(/must be 8 \(EAN-8\), 12 \(UPC-A\) or 13 \(EAN-13\) digits/);
  });

  it('treats a UPC-A code and its EAN-13 form as the same item', () => {
    expect(barcodeVariants('036000291452')).toEqual(['036000291452', '0036000291452']);
    expect(barcodeVariants('0036000291452')).toEqual(['0036000291452', '036000291452']);
  });

  it('computes the check digit for new codes', () => {
    expect(withCheckDigit('731086500470')).toBe('7310865004703');
  });
});
