import { useState, type ChangeEvent } from 'react';
import { HttpError, Title, useAuthenticated, useDataProvider, useNotify, usePermissions, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { canEditCatalog } from '../../auth/roles';
import type { KassaDataProvider } from '../../data/data-provider';
import type { ApiErrorDetail, CatalogImportResult, Role } from '../../types';

/** The columns the API reads, in the order of its README. */
export const CSV_COLUMNS = [
  'sku',
  'name_sv',
  'name_en',
  'description_sv',
  'description_en',
  'category',
  'price',
  'vat_rate',
  'barcode',
  'prep_minutes',
  'prep_minutes_per_extra_unit',
  'channels',
  'active',
];

interface RowProblem {
  line: number | null;
  column: string;
  reason: string;
}

// The API names a bad cell "line 12: price"; anything else is shown as it came.
const toRowProblem = ({ field, reason }: ApiErrorDetail): RowProblem => {
  const match = /^line (\d+)(?::\s*(.*))?$/.exec(field);
  return match ? { line: Number(match[1]), column: match[2] ?? '', reason } : { line: null, column: field, reason };
};

const problemsOf = (error: unknown): RowProblem[] | null => {
  if (!(error instanceof HttpError) || error.status !== 422) return null;
  const body: unknown = error.body;
  if (typeof body !== 'object' || body === null || !('details' in body) || !Array.isArray(body.details)) return null;
  return (body.details as ApiErrorDetail[])
    .filter((detail) => typeof detail?.field === 'string' && typeof detail?.reason === 'string')
    .map(toRowProblem);
};

type Outcome =
  | { kind: 'checked'; result: CatalogImportResult }
  | { kind: 'imported'; result: CatalogImportResult }
  | { kind: 'invalid'; problems: RowProblem[] };

/**
 * Catalogue import: the file is read in the browser, checked by the API without saving (every bad
 * row listed with its line), and imported only after a clean check of that same content.
 */
export const CatalogImport = () => {
  useAuthenticated();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<KassaDataProvider>();
  const { permissions } = usePermissions<Role>();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    setOutcome(null);
    setFile({ name: chosen.name, csv: await chosen.text() });
  };

  const send = async (dryRun: boolean) => {
    if (file === null) return;
    setBusy(true);
    try {
      const result = await dataProvider.importCatalog({ csv: file.csv, dryRun });
      setOutcome({ kind: dryRun ? 'checked' : 'imported', result });
      if (!dryRun) notify('kassa.import.done', { type: 'success', messageArgs: { ...result } });
    } catch (error) {
      const problems = problemsOf(error);
      if (problems !== null) setOutcome({ kind: 'invalid', problems });
      else notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="kassa.import.title" />
      <CardContent>
        <Stack spacing={2} sx={{ maxWidth: 960 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('kassa.import.intro')}
          </Typography>
          <Typography variant="body2" component="code" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {CSV_COLUMNS.join(',')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button variant="outlined" component="label" startIcon={<UploadFileIcon />} disabled={busy}>
              {translate('kassa.import.choose_file')}
              <input type="file" hidden accept=".csv,text/csv,text/plain" onChange={(event) => void chooseFile(event)} />
            </Button>
            <Typography variant="body2">{file ? file.name : translate('kassa.import.no_file')}</Typography>
          </Box>
          <Box sx={{ display: 'flex', gap: 2 }}>
            <Button variant="contained" disabled={file === null || busy} onClick={() => void send(true)}>
              {translate('kassa.import.check')}
            </Button>
            {canEditCatalog(permissions) && (
              <Button
                variant="contained"
                color="success"
                disabled={busy || outcome?.kind !== 'checked'}
                onClick={() => void send(false)}
              >
                {translate('kassa.import.import')}
              </Button>
            )}
          </Box>
          {outcome?.kind === 'checked' && (
            <Alert severity="success">
              {translate('kassa.import.checked', { ...outcome.result, smart_count: outcome.result.rows })}
            </Alert>
          )}
          {outcome?.kind === 'imported' && (
            <Alert severity="success">
              {translate('kassa.import.imported', { ...outcome.result, smart_count: outcome.result.rows })}
            </Alert>
          )}
          {outcome?.kind === 'invalid' && (
            <>
              <Alert severity="error">
                {translate('kassa.import.invalid', { smart_count: outcome.problems.length })}
              </Alert>
              <Table size="small" aria-label={translate('kassa.import.problems')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('kassa.import.line')}</TableCell>
                    <TableCell>{translate('kassa.import.column')}</TableCell>
                    <TableCell>{translate('kassa.import.reason')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {outcome.problems.map((problem, index) => (
                    <TableRow key={`${problem.line ?? ''}-${problem.column}-${index}`}>
                      <TableCell>{problem.line ?? '–'}</TableCell>
                      <TableCell>{problem.column}</TableCell>
                      <TableCell>{problem.reason}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
