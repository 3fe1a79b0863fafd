import { useLocale, useTranslate } from 'react-admin';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { localizedName } from '../catalog';
import { formatMoney } from '../money';
import type { OrderDetail, OrderLine } from '../types';

const numeric = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

const LineRow = ({ line, currency }: { line: OrderLine; currency: string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const money = (amount: number) => formatMoney(amount, locale, currency);
  return (
    <TableRow className="order-line">
      <TableCell sx={numeric}>{`${line.quantity} ×`}</TableCell>
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {localizedName(line, locale)}
        </Typography>
        {line.modifiers.map((modifier) => (
          <Typography key={modifier.optionId} variant="body2" color="text.secondary" className="order-line-modifier">
            {`+ ${localizedName(modifier, locale)}`}
            {modifier.priceDelta !== 0 && ` (${modifier.priceDelta > 0 ? '+' : '−'}${money(Math.abs(modifier.priceDelta))})`}
          </Typography>
        ))}
        {line.note && (
          <Typography variant="body2" sx={{ fontStyle: 'italic' }} className="order-line-note">
            {translate('kassa.orders.lines.note', { note: line.note })}
          </Typography>
        )}
      </TableCell>
      <TableCell align="right" sx={numeric}>{`${line.vatRate} %`}</TableCell>
      <TableCell align="right" sx={numeric}>{money(line.unitPrice)}</TableCell>
      <TableCell align="right" sx={numeric}>{money(line.lineTotal)}</TableCell>
    </TableRow>
  );
};

/** What was ordered, with options and notes, then the totals and the VAT on them. */
export const OrderLines = ({ order }: { order: OrderDetail }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const money = (amount: number) => formatMoney(amount, locale, order.currency);
  const { totals } = order;
  return (
    <>
      <Table size="small" aria-label={translate('kassa.orders.sections.lines')}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 56 }}>{translate('kassa.orders.lines.quantity')}</TableCell>
            <TableCell>{translate('kassa.orders.lines.product')}</TableCell>
            <TableCell align="right">{translate('kassa.orders.lines.vat')}</TableCell>
            <TableCell align="right">{translate('kassa.orders.lines.unit_price')}</TableCell>
            <TableCell align="right">{translate('kassa.orders.lines.total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {order.lines.map((line, index) => (
            <LineRow key={`${line.productId}-${index}`} line={line} currency={order.currency} />
          ))}
          <TableRow>
            <TableCell colSpan={4} align="right">
              {translate('kassa.orders.totals.subtotal')}
            </TableCell>
            <TableCell align="right" sx={numeric}>
              {money(totals.subtotal)}
            </TableCell>
          </TableRow>
          {totals.discount !== 0 && (
            <TableRow>
              <TableCell colSpan={4} align="right">
                {translate('kassa.orders.totals.discount')}
              </TableCell>
              <TableCell align="right" sx={numeric}>
                {`−${money(Math.abs(totals.discount))}`}
              </TableCell>
            </TableRow>
          )}
          <TableRow>
            <TableCell colSpan={4} align="right" sx={{ fontWeight: 700 }}>
              {translate('kassa.orders.totals.total')}
            </TableCell>
            <TableCell align="right" sx={{ ...numeric, fontWeight: 700 }} className="order-total">
              {money(totals.total)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {totals.vat.length > 0 && (
        <Box sx={{ mt: 2, display: 'flex', justifyContent: 'flex-end' }}>
          <Table size="small" sx={{ width: 'auto', minWidth: 320 }} aria-label={translate('kassa.orders.totals.vat_heading')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('kassa.orders.totals.vat_rate')}</TableCell>
                <TableCell align="right">{translate('kassa.orders.totals.vat_base')}</TableCell>
                <TableCell align="right">{translate('kassa.orders.totals.vat_amount')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {totals.vat.map((vat) => (
                <TableRow key={vat.rate}>
                  <TableCell sx={numeric}>{`${vat.rate} %`}</TableCell>
                  <TableCell align="right" sx={numeric}>
                    {money(vat.base)}
                  </TableCell>
                  <TableCell align="right" sx={numeric}>
                    {money(vat.amount)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </>
  );
};
