import { UnrecoverableError } from 'bullmq';
import { parseEnvelope } from './parse-envelope.js';

const valid = {
  id: '9b2f7c1e-5d4a-4e8b-9c3d-2a1b0c9d8e7f',
  type: 'university.registered',
  version: 1,
  occurredAt: '2026-11-23T09:00:00.000Z',
  aggregateType: 'university',
  aggregateId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  partnershipId: null,
  actorId: null,
  correlationId: 'trace-1',
  payload: { universityId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f', name: 'UEA', shortName: null },
};

describe('parseEnvelope', () => {
  it('accepts a well-formed envelope of a known type', () => {
    expect(parseEnvelope(valid)).toBe(valid);
  });

  it.each([
    ['null', null, 'not an event envelope'],
    ['a string', 'event', 'not an event envelope'],
    ['an id that is not a UUID', { ...valid, id: '42' }, 'id is not a UUID'],
    ['an unknown type', { ...valid, type: 'university.renamed' }, 'unknown event type "university.renamed"'],
    ['a version that is not an integer', { ...valid, version: '1' }, 'version is not an integer'],
    ['no payload', { ...valid, payload: undefined }, 'payload is missing'],
    ['no correlation id', { ...valid, correlationId: undefined }, 'correlationId is missing'],
  ])('sends %s straight to the failed set', (_, data, reason) => {
    let error: unknown;
    try {
      parseEnvelope(data);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toContain(reason);
  });
});
