import 'reflect-metadata';
import { loadConfigOrExit } from '#libs/config';
import { startWorker, WorkerConfig } from '#libs/event-consumer';
import { MatchingWorkerModule } from './matching-worker.module.js';

const config = loadConfigOrExit(WorkerConfig);
await startWorker(MatchingWorkerModule.forRoot(config));
