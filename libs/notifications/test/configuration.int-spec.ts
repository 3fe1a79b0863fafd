import { startTestApp } from '../../../test/support/test-app';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';

/** Notification settings that cannot work stop the app at boot, naming the variables. */
describe('notification configuration', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it.each([
    [{ SMTP_URL: 'smtp://mail.example.com:587' }, 'SMTP_FROM: must be set'],
    [{ SMTP_URL: 'smtp://a.example', SMTP_HOST: 'b.example', SMTP_FROM: 'x@example.com' }, 'SMTP_URL, SMTP_HOST: set one of them, not both'],
    [{ SMTP_URL: 'http://mail.example.com', SMTP_FROM: 'x@example.com' }, 'SMTP_URL="http://mail.example.com": must be an smtp:// or smtps:// URL'],
    [{ SMTP_HOST: 'mail.example.com', SMTP_FROM: 'not an address' }, 'SMTP_FROM="not an address": must be an email address'],
    [{ ELKS_USERNAME: 'u' }, 'ELKS_USERNAME, ELKS_PASSWORD: set both or neither'],
    [{ TWILIO_AUTH_TOKEN: 't' }, 'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN: set both or neither'],
    [{ KASSA_REMINDER_MINUTES: '-5' }, 'KASSA_REMINDER_MINUTES="-5"'],
    [{ KASSA_PUBLIC_URL: 'shop.example' }, 'KASSA_PUBLIC_URL="shop.example": must be an http:// or https:// URL'],
  ])('refuses %j', async (env, message) => {
    await expect(startTestApp(env as Record<string, string>, database)).rejects.toThrow(message);
  });
});
