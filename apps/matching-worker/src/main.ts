import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { startWorker } from '#libs/event-consumer';
import { MatchingWorkerConfig } from './matching-worker.config.js';
import { MatchingWorkerModule } from './matching-worker.module.js';

const config = loadConfigOrExit(MatchingWorkerConfig);
await startWorker(MatchingWorkerModule.forRoot(config));
