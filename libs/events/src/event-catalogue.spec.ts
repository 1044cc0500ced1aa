import { payloadProblems } from './event-catalogue.js';
import { domainEvent } from './event-envelope.js';

const opportunityId = '3f0c9a52-8d1e-4b7a-9c6d-5e4f3a2b1c0d';
const partnershipId = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
const published = { opportunityId, partnershipId, type: 'teaching', title: 'Lecture on risk', status: 'published' };

describe('payloadProblems', () => {
  it('finds nothing wrong with a payload that follows the schema', () => {
    expect(payloadProblems('opportunity.published', 1, published)).toEqual([]);
  });

  it('names every field an empty payload lacks', () => {
    expect(payloadProblems('university.registered', 1, {})).toEqual([
      'universityId: missing',
      'name: missing',
      'shortName: missing',
    ]);
  });

  it('names a field of the wrong type', () => {
    expect(payloadProblems('opportunity.published', 1, { ...published, opportunityId: 5 })).toEqual(['opportunityId: expected a UUID']);
  });

  it('names the place in a nested field', () => {
    const problems = payloadProblems('opportunity.recommendations_ready', 1, { opportunityId, partnershipId, practitionerIds: [opportunityId, 'someone'] });
    expect(problems).toEqual(['practitionerIds.1: expected a UUID']);
  });

  it('refuses a payload that is not an object', () => {
    expect(payloadProblems('user.activated', 1, 'u1')).toEqual(['payload: Invalid input: expected object, received string']);
  });

  it('accepts a field the schema does not know, so a consumer reads a payload with more than it needs', () => {
    expect(payloadProblems('opportunity.published', 1, { ...published, extra: true })).toEqual([]);
  });

  it('says so for a version the catalogue has no schema for', () => {
    expect(payloadProblems('opportunity.published', 2, published)).toEqual(['the event catalogue has no payload schema for opportunity.published v2']);
  });
});

describe('domainEvent', () => {
  it('builds an event whose payload follows the schema', () => {
    const event = domainEvent('opportunity.published', { aggregateId: opportunityId, payload: published });
    expect(event).toMatchObject({ type: 'opportunity.published', version: 1, aggregateType: 'opportunity', payload: published });
  });

  it('refuses a payload that breaks the schema, naming the field, so a drifting producer fails its own tests', () => {
    const payload = { ...published, opportunityId: 5 } as unknown as typeof published;
    expect(() => domainEvent('opportunity.published', { aggregateId: opportunityId, payload })).toThrow(
      'opportunity.published v1 has an invalid payload: opportunityId: expected a UUID',
    );
  });
});
