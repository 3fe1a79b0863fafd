export * from './money';
export * from './vat';
