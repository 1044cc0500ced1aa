export { EventConsumerModule } from './event-consumer.module.js';
export { type EventHandler, HandlesEvents } from './handles-event.decorator.js';
export { WorkerConfig } from './worker.config.js';
export { startWorker } from './start-worker.js';
