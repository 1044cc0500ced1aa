import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { startWorker } from '#libs/event-consumer';
import { NotificationConfig } from '#libs/notifications';
import { NotificationWorkerModule } from './notification-worker.module.js';

const config = loadConfigOrExit(NotificationConfig);
await startWorker(NotificationWorkerModule.forRoot(config));
