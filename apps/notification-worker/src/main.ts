import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { startWorker, WorkerConfig } from '#libs/event-consumer';
import { NotificationWorkerModule } from './notification-worker.module.js';

const config = loadConfigOrExit(WorkerConfig);
await startWorker(NotificationWorkerModule.forRoot(config));
