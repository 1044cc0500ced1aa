import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { startWorker } from '#libs/event-consumer';
import { serveMetricsOrStop } from '#libs/observability';
import { MatchingWorkerConfig } from './matching-worker.config.js';
import { MatchingWorkerModule } from './matching-worker.module.js';

const config = loadConfigOrExit(MatchingWorkerConfig);
const app = await startWorker(MatchingWorkerModule.forRoot(config));
await serveMetricsOrStop(app, config.MATCHING_WORKER_METRICS_PORT, config.METRICS_HOST, 'MATCHING_WORKER_METRICS_PORT');
