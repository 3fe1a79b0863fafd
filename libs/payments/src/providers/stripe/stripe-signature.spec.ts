import Stripe from 'stripe';
import { stripeSignatureHeader, stripeSignatureProblem } from './stripe-signature';

const SECRET = 'whsec_specSecret';
const BODY = '{"id":"evt_1","type":"payment_intent.succeeded"}';
const NOW = 1_800_000_000;

describe('Stripe-Signature verification', () => {
  const check = (header: string | undefined, body = BODY, now = NOW) => stripeSignatureProblem(Buffer.from(body), header, SECRET, now);

  it('accepts the header Stripe’s SDK makes, and the SDK accepts ours', () => {
    expect(check(Stripe.webhooks.generateTestHeaderString({ payload: BODY, secret: SECRET, timestamp: NOW }))).toBeNull();
    const ours = stripeSignatureHeader(BODY, SECRET, Math.floor(Date.now() / 1000));
    expect(Stripe.webhooks.constructEvent(BODY, ours, SECRET)).toMatchObject({ id: 'evt_1' });
  });

  it('accepts any matching v1 among several, and up to 300 s either way', () => {
    const good = stripeSignatureHeader(BODY, SECRET, NOW);
    const other = stripeSignatureHeader(BODY, 'whsec_old', NOW);
    expect(check(`${other},v1=${good.split('v1=')[1]}`)).toBeNull();
    expect(check(good, BODY, NOW + 300)).toBeNull();
    expect(check(good, BODY, NOW - 300)).toBeNull();
  });

  it('names what is wrong', () => {
    const good = stripeSignatureHeader(BODY, SECRET, NOW);
    expect(check(undefined)).toBe('missing signature');
    expect(check('')).toBe('missing signature');
    expect(check('v1=abc')).toBe('malformed signature');
    expect(check(`t=${NOW}`)).toBe('malformed signature');
    expect(check(good, BODY, NOW + 301)).toBe('timestamp outside the tolerance');
    expect(check(good, `${BODY} `)).toBe('no matching signature');
    expect(check(stripeSignatureHeader(BODY, 'whsec_wrong', NOW))).toBe('no matching signature');
  });
});
