import { useFieldValue, useLocale, type FieldProps } from 'react-admin';
import { Typography } from '@mui/material';
import { formatMoney } from './kronor';

/** Shows an öre amount as kronor in the console's language ("39,00 kr"); empty when null. */
export const MoneyField = ({ source, emptyText = '' }: FieldProps & { source: string; emptyText?: string }) => {
  const value = useFieldValue({ source });
  const locale = useLocale();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {typeof value === 'number' ? formatMoney(value, locale) : emptyText}
    </Typography>
  );
};
