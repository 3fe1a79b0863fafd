import { readConfirmation, readPoll, retryAfterSeconds } from './cloudprnt-protocol';

describe('CloudPRNT protocol', () => {
  it('reads the printer status from a poll', () => {
    expect(readPoll({ statusCode: '200%20OK', printerMAC: '00:11:62:00:00:01', status: '23 86 00 00' })).toEqual({ statusCode: '200 OK', kind: 'ok', printingInProgress: false });
    expect(readPoll({ statusCode: '410%20Out%20of%20paper' })).toMatchObject({ statusCode: '410 Out of paper', kind: 'printer-error' });
    expect(readPoll({ statusCode: '520 Timeout', printingInProgress: true })).toMatchObject({ kind: 'client-error', printingInProgress: true });
    expect(readPoll(null)).toMatchObject({ statusCode: '200 OK', kind: 'ok' });
    expect(readPoll({ statusCode: '%E0%A4%A' })).toMatchObject({ statusCode: '%E0%A4%A' });
  });

  it('tells a printed job from an error', () => {
    expect(readConfirmation('OK')).toEqual({ printed: true });
    expect(readConfirmation('200 OK')).toEqual({ printed: true });
    expect(readConfirmation('200%20OK')).toEqual({ printed: true });
    expect(readConfirmation('211')).toEqual({ printed: true });
    expect(readConfirmation('520 Timeout')).toEqual({ printed: false, error: '520 Timeout' });
    expect(readConfirmation(undefined)).toEqual({ printed: false, error: 'no code' });
    expect(readConfirmation(['OK'])).toEqual({ printed: false, error: 'no code' });
  });

  it('backs off between retries', () => {
    expect([1, 2, 3, 10].map(retryAfterSeconds)).toEqual([10, 20, 40, 300]);
  });
});
