import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { startWorker } from '#libs/event-consumer';
import { serveMetricsOrStop } from '#libs/observability';
import { NotificationConfig } from '#libs/notifications';
import { NotificationWorkerModule } from './notification-worker.module.js';

const config = loadConfigOrExit(NotificationConfig);
const app = await startWorker(NotificationWorkerModule.forRoot(config));
await serveMetricsOrStop(app, config.NOTIFICATION_WORKER_METRICS_PORT, config.METRICS_HOST, 'NOTIFICATION_WORKER_METRICS_PORT');
