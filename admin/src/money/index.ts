export { formatKronorForInput, formatMoney, parseKronor } from './kronor';
export { KronorInput } from './kronor-input';
export { MoneyField } from './money-field';
