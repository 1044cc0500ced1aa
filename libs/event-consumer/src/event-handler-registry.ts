import type { EventHandler, EventSubscription } from './handles-event.decorator.js';

const keyOf = (type: string, version: number) => `${type} v${version}`;

/**
 * Which handler takes which event version. Refuses to exist unless each current subscription has
 * exactly one handler and no handler serves a type the consumer does not subscribe to.
 * Handlers of older versions of a subscribed type are welcome: they drain queues across an upgrade.
 */
export class EventHandlerRegistry {
  private readonly handlers = new Map<string, EventHandler>();

  constructor(
    readonly consumer: string,
    subscriptions: readonly EventSubscription[],
    found: readonly { subscription: EventSubscription; handler: EventHandler }[],
  ) {
    const problems: string[] = [];
    for (const { subscription, handler } of found) {
      const key = keyOf(subscription.type, subscription.version);
      if (this.handlers.has(key)) problems.push(`two handlers for ${key}`);
      if (!subscriptions.some((s) => s.type === subscription.type)) {
        problems.push(`a handler for ${key}, which it does not subscribe to`);
      }
      this.handlers.set(key, handler);
    }
    for (const { type, version } of subscriptions) {
      if (!this.handlers.has(keyOf(type, version))) problems.push(`no handler for ${keyOf(type, version)}`);
    }
    if (problems.length > 0) throw new Error(`Consumer ${consumer} is wired wrong: ${problems.join('; ')}`);
  }

  handlerFor(type: string, version: number): EventHandler | undefined {
    return this.handlers.get(keyOf(type, version));
  }
}
