import { EventHandlerRegistry } from './event-handler-registry.js';
import type { EventHandler } from './handles-event.decorator.js';

const handler = (): EventHandler => ({ handle: () => Promise.resolve() });
const subscriptions = [
  { type: 'university.registered' as const, version: 1 },
  { type: 'council.registered' as const, version: 1 },
];

describe('EventHandlerRegistry', () => {
  it('finds the handler of each subscribed event version', () => {
    const universities = handler();
    const councils = handler();
    const registry = new EventHandlerRegistry('matching', subscriptions, [
      { subscription: subscriptions[0]!, handler: universities },
      { subscription: subscriptions[1]!, handler: councils },
    ]);
    expect(registry.handlerFor('university.registered', 1)).toBe(universities);
    expect(registry.handlerFor('council.registered', 1)).toBe(councils);
    expect(registry.handlerFor('council.registered', 2)).toBeUndefined();
  });

  it('refuses to start when a subscription has no handler', () => {
    expect(() => new EventHandlerRegistry('matching', subscriptions, [{ subscription: subscriptions[0]!, handler: handler() }])).toThrow(
      'Consumer matching is wired wrong: no handler for council.registered v1',
    );
  });

  it('refuses to start when an event version has two handlers', () => {
    const found = [subscriptions[0]!, subscriptions[0]!, subscriptions[1]!].map((subscription) => ({ subscription, handler: handler() }));
    expect(() => new EventHandlerRegistry('matching', subscriptions, found)).toThrow('two handlers for university.registered v1');
  });

  it('refuses a handler for an event type the consumer does not subscribe to', () => {
    const found = [{ subscription: subscriptions[0]!, handler: handler() }, { subscription: subscriptions[1]!, handler: handler() }];
    expect(() => new EventHandlerRegistry('matching', [subscriptions[0]!], found)).toThrow('a handler for council.registered v1, which it does not subscribe to');
  });

  it('accepts a handler for an older version of a subscribed type, to drain queues across an upgrade', () => {
    const old = handler();
    const registry = new EventHandlerRegistry('matching', [{ type: 'university.registered', version: 2 }], [
      { subscription: { type: 'university.registered', version: 2 }, handler: handler() },
      { subscription: { type: 'university.registered', version: 1 }, handler: old },
    ]);
    expect(registry.handlerFor('university.registered', 1)).toBe(old);
  });
});
