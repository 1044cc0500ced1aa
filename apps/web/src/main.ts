import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '#libs/config';
import { serveMetricsOrStop } from '#libs/observability';
import { createWebApp } from './create-web-app.js';
import { WebConfig } from './web.config.js';

const config = loadConfigOrExit(WebConfig);
const app = await createWebApp(config);
await app.listen(config.WEB_PORT, config.WEB_HOST);
await serveMetricsOrStop(app, config.WEB_METRICS_PORT, config.METRICS_HOST, 'WEB_METRICS_PORT');
new Logger('Web').log(`Listening on http://${config.WEB_HOST}:${config.WEB_PORT} (API: ${config.API_URL})`);
