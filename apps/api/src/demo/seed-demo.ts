import { loadConfigOrExit } from '#libs/config';
import { ApiConfig } from '../api.config.js';
import { DEMO_COUNCILS, DEMO_UNIVERSITIES } from './demo-organisations.js';

/**
 * Loads the demo through the running API, so every record's events flow to the workers as they
 * would for a person. Safe to run again: what is already there answers 409 and is left alone.
 */
const config = loadConfigOrExit(ApiConfig);
const base = `http://${config.HOST}:${config.PORT}/api`;

async function register(path: string, body: object): Promise<'created' | 'existing'> {
  const response = await fetch(`${base}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-correlation-id': 'demo-seed' },
    body: JSON.stringify(body),
  });
  if (response.status === 201) return 'created';
  if (response.status === 409) return 'existing';
  throw new Error(`POST /api/${path} answered ${response.status}: ${await response.text()}`);
}

let created = 0;
for (const university of DEMO_UNIVERSITIES) if ((await register('universities', university)) === 'created') created++;
for (const council of DEMO_COUNCILS) if ((await register('councils', council)) === 'created') created++;
const total = DEMO_UNIVERSITIES.length + DEMO_COUNCILS.length;
process.stdout.write(`Demo data: ${created} organisations registered, ${total - created} already there\n`);
