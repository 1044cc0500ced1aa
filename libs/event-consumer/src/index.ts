export { EventConsumer } from './event-consumer.js';
export { EventConsumerModule } from './event-consumer.module.js';
export { EventHandlerRegistry } from './event-handler-registry.js';
export { type EventHandler, type EventSubscription, HandlesEvents } from './handles-event.decorator.js';
export { handleOnce, type InboxOutcome } from './inbox.js';
export { parseEnvelope } from './parse-envelope.js';
export { WorkerConfig } from './worker.config.js';
export { startWorker } from './start-worker.js';
