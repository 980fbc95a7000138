/**
 * fast-check against the running API: generated form data, start and command bodies and definitions.
 * Whatever arrives, the server answers without a 5xx, every refusal is problem+json without internals,
 * and nothing is logged as an unhandled error.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type ApiClient } from '../server/support/client';
import { DIALECTS, type TestDatabase } from '../server/support/dialects';
import { startServer, type RunningServer } from '../server/support/server';
import { expectNoServerError, myUnit } from './support';

const runs = process.env.SHIJIAN_SOAK === '1' ? 1000 : 40;
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', '$ref', '../x', 'a'.repeat(300));
const key = fc.oneof(fc.string({ maxLength: 12 }), hostileKey);
/** JSON with hostile keys and strings mixed in, as a client could send (JSON.stringify keeps `__proto__` own keys). */
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1e308, 'x', `' OR 1=1 --`, '<img src=x onerror=alert(1)>', '62060219900101123X'),
    fc.string({ maxLength: 40 }),
    fc.double(),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe.each(DIALECTS)('fuzzing the API on $name', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let admin: ApiClient;
  let stationAdmin: ApiClient;
  let station: string;
  let orderId: string;

  beforeAll(async () => {
    database = await dialect.create();
    server = await startServer(database.handle);
    admin = await signIn(server.baseUrl, 'district.admin');
    stationAdmin = await signIn(server.baseUrl, 'station.admin');
    station = await myUnit(stationAdmin);
    orderId = (await stationAdmin.post<{ id: string }>('/api/instances', { workflow: 'five-order', orgUnitId: station, data: { description: '模糊测试' } })).body.id;
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
    await database.destroy();
  });

  it('form submissions: random data never 5xx', { timeout: 60_000 }, async () => {
    const registration = fc.record({ realName: json, idType: json, idNumber: json, phone: json, consent: json, availability: json, residenceUnit: fc.constantFrom(station, 'x') }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(registration, json), json, async (data, unit) => {
        expectNoServerError(await stationAdmin.post('/api/forms/volunteer-registration/submissions', { orgUnitId: typeof unit === 'string' ? unit : station, data }));
      }),
      { numRuns: runs },
    );
  });

  it('starting instances and sending commands: random bodies and preconditions never 5xx', { timeout: 60_000 }, async () => {
    const event = fc.oneof(fc.constantFrom('accept_for_dispatch', 'dispatch', 'reject', 'escalate', 'rate', 'timer', 'transfer', 'addSigner', '@start'), fc.string({ maxLength: 20 }));
    const command = fc.record({ event, data: json, comment: fc.oneof(fc.string({ maxLength: 50 }), json), target: json, position: json }, { requiredKeys: ['event'] });
    const ifMatch = fc.oneof(fc.constantFrom('"1"', '1', '"999"', '*', 'W/"1"', ''), fc.string({ maxLength: 10 }));
    await fc.assert(
      fc.asyncProperty(command, ifMatch, fc.option(fc.string({ minLength: 1, maxLength: 30 })), async (body, precondition, idempotencyKey) => {
        const headers: Record<string, string> = { 'if-match': precondition };
        if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
        expectNoServerError(await stationAdmin.post(`/api/instances/${orderId}/commands`, body, { headers }));
      }),
      { numRuns: runs },
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ workflow: fc.oneof(fc.constant('five-order'), json), orgUnitId: fc.oneof(fc.constant(station), json), data: json }, { requiredKeys: [] }), async (body) => {
        expectNoServerError(await stationAdmin.post('/api/instances', body));
      }),
      { numRuns: runs },
    );
  });

  it('definitions: random bodies to lint and drafts never 5xx', { timeout: 60_000 }, async () => {
    const kind = fc.constantFrom('workflow', 'form', 'rubric', 'serviceCategory', 'serviceItem', 'bundle', 'nope');
    const definition = fc.record({ kind, key: fc.string({ maxLength: 20 }), version: json, title: json, states: json, schema: json, sections: json, initial: json }, { requiredKeys: [] });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(kind, fc.oneof(definition, json), async (k, body) => {
        expectNoServerError(await admin.post(`/api/definitions/${k}/fuzz-${n}/lint`, { body }));
        expectNoServerError(await admin.post(`/api/definitions/${k}/fuzz-${n++}/drafts`, body));
      }),
      { numRuns: runs },
    );
  });
});
