import { useEffect, useState } from 'react';
import { Title, useLocale, useNotify, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  Box,
  Button,
  Chip,
  LinearProgress,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { formatMoney } from '../money';
import { StoreScoped, storeToday } from '../stores';
import type { Store } from '../types';
import { downloadReconciliationCsv, fetchReconciliation, type ProviderReconciliation, type ReconciliationReport } from './reconciliation-api';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const Amount = ({ value, currency }: { value: number | null | undefined; currency: string }) => {
  const locale = useLocale();
  return <>{value === null || value === undefined ? '—' : formatMoney(value, locale, currency)}</>;
};

const ProviderRow = ({ provider, currency }: { provider: ProviderReconciliation; currency: string }) => {
  const translate = useTranslate();
  return (
    <TableRow data-method={provider.method}>
      <TableCell component="th" scope="row">
        {translate(`kassa.reconciliation.methods.${provider.method}`, { _: provider.method })}
      </TableCell>
      <TableCell align="right" className="kassa-captured">
        <Amount value={provider.kassa.captured} currency={currency} />
      </TableCell>
      <TableCell align="right" className="kassa-refunded">
        <Amount value={provider.kassa.refunded} currency={currency} />
      </TableCell>
      <TableCell align="right" className="kassa-count">
        {provider.kassa.count}
      </TableCell>
      {provider.provider ? (
        <>
          <TableCell align="right">
            <Amount value={provider.provider.captured} currency={currency} />
          </TableCell>
          <TableCell align="right">
            <Amount value={provider.provider.refunded} currency={currency} />
          </TableCell>
          <TableCell align="right">{provider.provider.count}</TableCell>
        </>
      ) : (
        <TableCell colSpan={3} sx={{ color: provider.reachable ? 'text.secondary' : 'error.main', fontStyle: 'italic' }}>
          {provider.reachable
            ? translate('kassa.reconciliation.no_provider_side')
            : translate('kassa.reconciliation.unreachable', { error: provider.error ?? '' })}
        </TableCell>
      )}
      <TableCell>
        {provider.mismatches.length === 0 ? (
          <Chip size="small" color={provider.reachable ? 'success' : 'default'} label={translate('kassa.reconciliation.all_match')} />
        ) : (
          <Chip size="small" color="error" label={translate('kassa.reconciliation.mismatch_count', { smart_count: provider.mismatches.length })} />
        )}
      </TableCell>
    </TableRow>
  );
};

const Totals = ({ report, currency }: { report: ReconciliationReport; currency: string }) => {
  const translate = useTranslate();
  if (report.providers.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 3, mb: 2 }}>
        <Typography color="text.secondary">{translate('kassa.reconciliation.nothing')}</Typography>
      </Paper>
    );
  }
  return (
    <Paper variant="outlined" sx={{ mb: 2 }}>
      <Table size="small" aria-label={translate('kassa.reconciliation.title')}>
        <TableHead>
          <TableRow>
            <TableCell rowSpan={2}>{translate('kassa.reconciliation.provider')}</TableCell>
            <TableCell colSpan={3} align="center">
              {translate('kassa.reconciliation.kassa_side')}
            </TableCell>
            <TableCell colSpan={3} align="center">
              {translate('kassa.reconciliation.provider_side')}
            </TableCell>
            <TableCell rowSpan={2}>{translate('kassa.reconciliation.mismatches')}</TableCell>
          </TableRow>
          <TableRow>
            {[0, 1].flatMap((side) => [
              <TableCell key={`${side}-c`} align="right">
                {translate('kassa.reconciliation.captured')}
              </TableCell>,
              <TableCell key={`${side}-r`} align="right">
                {translate('kassa.reconciliation.refunded')}
              </TableCell>,
              <TableCell key={`${side}-n`} align="right">
                {translate('kassa.reconciliation.count')}
              </TableCell>,
            ])}
          </TableRow>
        </TableHead>
        <TableBody>
          {report.providers.map((provider) => (
            <ProviderRow key={provider.method} provider={provider} currency={currency} />
          ))}
          <TableRow sx={{ '& > *': { fontWeight: 600 } }}>
            <TableCell component="th" scope="row">
              {translate('kassa.reconciliation.total')}
            </TableCell>
            <TableCell align="right">
              <Amount value={report.totals.kassa.captured} currency={currency} />
            </TableCell>
            <TableCell align="right">
              <Amount value={report.totals.kassa.refunded} currency={currency} />
            </TableCell>
            <TableCell align="right">{report.totals.kassa.count}</TableCell>
            <TableCell align="right">
              <Amount value={report.totals.provider.captured} currency={currency} />
            </TableCell>
            <TableCell align="right">
              <Amount value={report.totals.provider.refunded} currency={currency} />
            </TableCell>
            <TableCell align="right">{report.totals.provider.count}</TableCell>
            <TableCell>{report.totals.mismatches}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Paper>
  );
};

const Mismatches = ({ report, currency }: { report: ReconciliationReport; currency: string }) => {
  const translate = useTranslate();
  const rows = report.providers.flatMap((provider) => provider.mismatches.map((mismatch) => ({ provider, mismatch })));
  if (rows.length === 0) return null;
  return (
    <>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('kassa.reconciliation.mismatches')}
      </Typography>
      <Paper variant="outlined">
        <Table size="small" aria-label={translate('kassa.reconciliation.mismatches')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('kassa.reconciliation.provider')}</TableCell>
              <TableCell>{translate('kassa.reconciliation.mismatches')}</TableCell>
              <TableCell>{translate('kassa.reconciliation.order')}</TableCell>
              <TableCell>{translate('kassa.reconciliation.payment')}</TableCell>
              <TableCell align="right">{translate('kassa.reconciliation.kassa_amount')}</TableCell>
              <TableCell align="right">{translate('kassa.reconciliation.provider_amount')}</TableCell>
              <TableCell>{translate('kassa.reconciliation.detail')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ provider, mismatch }, index) => (
              <TableRow key={`${mismatch.kind}-${mismatch.paymentId ?? index}`}>
                <TableCell>{translate(`kassa.reconciliation.methods.${provider.method}`, { _: provider.method })}</TableCell>
                <TableCell>
                  <Chip size="small" color="error" variant="outlined" label={translate(`kassa.reconciliation.kinds.${mismatch.kind}`, { _: mismatch.kind })} />
                </TableCell>
                <TableCell>{mismatch.orderNumber ?? '—'}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.75rem' }}>{mismatch.paymentId ?? '—'}</TableCell>
                <TableCell align="right">
                  <Amount value={mismatch.kassaAmount} currency={currency} />
                </TableCell>
                <TableCell align="right">
                  <Amount value={mismatch.providerAmount} currency={currency} />
                </TableCell>
                <TableCell>{mismatch.detail}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </>
  );
};

const DayReport = ({ store }: { store: Store }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const today = storeToday(store);
  const asked = params.get('date');
  const date = asked && DATE.test(asked) ? asked : today;
  const setDate = (next: string) => setParams(next === today ? {} : { date: next }, { replace: true });
  const [report, setReport] = useState<ReconciliationReport | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [isFetching, setFetching] = useState(true);
  useEffect(() => {
    let current = true;
    setFetching(true);
    setError(null);
    fetchReconciliation(store.id, date)
      .then((next) => current && setReport(next))
      .catch((failure: unknown) => current && setError(failure instanceof Error ? failure : new Error(String(failure))))
      .finally(() => current && setFetching(false));
    return () => {
      current = false;
    };
  }, [store.id, date]);
  const download = () => {
    downloadReconciliationCsv(store.id, date).catch((failure: unknown) =>
      notify(failure instanceof Error ? failure.message : 'ra.notification.http_error', { type: 'error' }),
    );
  };
  const currency = store.currency;
  return (
    <Box sx={{ pt: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <TextField
          type="date"
          size="small"
          label={translate('kassa.reconciliation.date')}
          value={date}
          onChange={(event) => DATE.test(event.target.value) && setDate(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 180 }}
        />
        <Button onClick={() => setDate(today)} disabled={date === today}>
          {translate('kassa.reconciliation.today')}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={download}>
          {translate('kassa.reconciliation.download_csv')}
        </Button>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('kassa.reconciliation.timezone', { timezone: report?.timezone ?? store.timezone })}
      </Typography>
      {isFetching && <LinearProgress sx={{ mb: 1 }} />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {report && report.date === date && (
        <>
          <Totals report={report} currency={currency} />
          <Mismatches report={report} currency={currency} />
        </>
      )}
    </Box>
  );
};

/** End-of-day reconciliation of the current store: per provider, Kassa's ledger against the provider's side, mismatches listed, as CSV too. */
export const ReconciliationPage = () => (
  <>
    <Title title="kassa.reconciliation.title" />
    <StoreScoped>
      {(storeId, current) => {
        const store = current.stores.find((candidate) => candidate.id === storeId);
        return store ? <DayReport key={storeId} store={store} /> : null;
      }}
    </StoreScoped>
  </>
);
