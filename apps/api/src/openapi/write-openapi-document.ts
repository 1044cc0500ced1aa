import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { loadConfigOrExit } from '#libs/config';
import { ApiConfig } from '../api.config.js';
import { createApiApp } from '../create-api-app.js';

/**
 * Writes the OpenAPI document the API serves to the file given, for libs/api-contract
 * (`npm run api:contract`). The app is built but never listens, and relays nothing.
 */
const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: write-openapi-document <file>');
const config = loadConfigOrExit(ApiConfig);
Object.assign(config, { OUTBOX_RELAY: false, QUEUE_DASHBOARD: false, API_DOCS_UI: false, LOG_LEVEL: 'warn' });
const app = await createApiApp(config);
await app.init();
const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/docs-json' });
writeFileSync(file, `${JSON.stringify(response.json(), null, 2)}\n`);
await app.close();
