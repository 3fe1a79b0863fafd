import type TestAgent from 'supertest/lib/agent';

let counter = 0;

/** A valid store body; override what the scenario is about. */
export function storeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    name: `Bageri Ölands ${counter}`,
    organisationNumber: '556036-0793',
    addressLine1: 'Drottninggatan 12',
    postalCode: '111 51',
    city: 'Stockholm',
    country: 'SE',
    timezone: 'Europe/Stockholm',
    currency: 'SEK',
    locale: 'sv',
    ...overrides,
  };
}

export async function createStore(http: TestAgent, auth: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const response = await http.post('/api/v1/admin/stores').set('Authorization', auth).send(storeInput(overrides));
  if (response.status !== 201) throw new Error(`create store: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; name: string };
}

export async function createUser(
  http: TestAgent,
  auth: string,
  input: { email: string; role: 'owner' | 'manager' | 'staff'; storeIds: string[]; password?: string; name?: string },
): Promise<{ id: string; email: string; password: string }> {
  const password = input.password ?? `pw-${input.email}-långt`;
  const response = await http
    .post('/api/v1/admin/users')
    .set('Authorization', auth)
    .send({ name: input.name ?? input.email, email: input.email, role: input.role, storeIds: input.storeIds, password });
  if (response.status !== 201) throw new Error(`create user: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.id as string, email: input.email, password };
}

export async function demoStoreId(http: TestAgent): Promise<string> {
  const response = await http.get('/api/v1/stores');
  return (response.body as Array<{ id: string; name: string }>).find((s) => s.name === 'Kassa Demo Café')?.id ?? '';
}

/** Pickup open round the clock in 15-minute slots, no lead time unless given, with the caps given: any order fits. */
export async function openAllDay(
  http: TestAgent,
  auth: string,
  storeId: string,
  caps: { maxOrders?: number | null; maxItems?: number | null; leadMinutes?: number } = {},
): Promise<unknown> {
  const response = await http
    .put(`/api/v1/admin/stores/${storeId}/pickup-schedule`)
    .set('Authorization', auth)
    .send({
      slotMinutes: 15,
      leadMinutes: caps.leadMinutes ?? 0,
      daysAhead: 14,
      cutoffMinutes: 0,
      weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
      maxOrders: caps.maxOrders ?? null,
      maxItems: caps.maxItems ?? null,
      maxKitchenMinutes: null,
    });
  if (response.status !== 200) throw new Error(`pickup schedule: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
