import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '#libs/config';
import { producerConnection, warnUnlessNoEviction, warnUnlessPersistent } from '#libs/events';
import { serveMetricsOrStop } from '#libs/observability';
import { ApiConfig } from './api.config.js';
import { createApiApp } from './create-api-app.js';

const config = loadConfigOrExit(ApiConfig);
const app = await createApiApp(config);
if (config.QUEUE_BACKEND === 'redis' && config.REDIS_URL) {
  await warnUnlessNoEviction(producerConnection(config.REDIS_URL));
  await warnUnlessPersistent(producerConnection(config.REDIS_URL));
}
await app.listen(config.PORT, config.HOST);
await serveMetricsOrStop(app, config.API_METRICS_PORT, config.METRICS_HOST, 'API_METRICS_PORT');
new Logger('Api').log(`Listening on http://${config.HOST}:${config.PORT}/api (OpenAPI: /api/docs)`);
