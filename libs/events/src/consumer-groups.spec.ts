import { CONSUMER_SUBSCRIPTIONS, queueNameOf, subscribersOf } from './consumer-groups.js';
import { EVENT_CATALOGUE, type EventType } from './event-catalogue.js';

describe('consumer groups', () => {
  it('routes an event to every group that subscribes to it', () => {
    expect(subscribersOf('match.approved')).toEqual(['matching', 'notification']);
    expect(subscribersOf('user.invited')).toEqual(['notification']);
  });

  it('routes an event no group subscribes to nowhere', () => {
    expect(subscribersOf('university.registered')).toEqual([]);
    expect(subscribersOf('council.registered')).toEqual([]);
  });

  it('gives each group a queue of its own', () => {
    expect(queueNameOf('matching')).toBe('matching-events');
    expect(queueNameOf('notification')).toBe('notification-events');
  });

  it('subscribes only to event types of the catalogue', () => {
    const subscribed = Object.values(CONSUMER_SUBSCRIPTIONS).flat() as EventType[];
    for (const type of subscribed) expect(EVENT_CATALOGUE).toHaveProperty([type]);
  });
});
