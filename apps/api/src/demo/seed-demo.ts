import { loadConfigOrExit } from '#libs/config';
import { ApiConfig } from '../api.config.js';
import { DEMO_COUNCILS, DEMO_PARTNERSHIPS, DEMO_UNIVERSITIES } from './demo-organisations.js';

/**
 * Loads the demo through the running API, so every record's events flow to the workers as they
 * would for a person. Safe to run again: what is already there answers 409 and is left alone.
 */
const config = loadConfigOrExit(ApiConfig);
const base = `http://${config.HOST}:${config.PORT}/api`;
const headers = { 'content-type': 'application/json', 'x-correlation-id': 'demo-seed' };

async function call(method: string, path: string, body?: object): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}/${path}`, { method, headers, body: body && JSON.stringify(body) });
  const parsed: unknown = await response.json();
  if (response.status >= 400 && response.status !== 409) throw new Error(`${method} /api/${path} answered ${response.status}: ${JSON.stringify(parsed)}`);
  return { status: response.status, body: parsed };
}

/** Registers each record unless it is there already; returns every record's id by name. */
async function ensure(path: string, records: { name: string }[]): Promise<{ ids: Map<string, string>; created: number }> {
  let created = 0;
  for (const record of records) if ((await call('POST', path, record)).status === 201) created++;
  const ids = new Map<string, string>();
  for (const { name } of records) {
    const found = (await call('GET', `${path}?name=${encodeURIComponent(name)}`)).body as { items: { id: string; name: string }[] };
    const match = found.items.find((item) => item.name === name);
    if (match) ids.set(name, match.id);
  }
  return { ids, created };
}

const universities = await ensure('universities', DEMO_UNIVERSITIES);
const councils = await ensure('councils', DEMO_COUNCILS);
let partnershipsFormed = 0;
for (const partnership of DEMO_PARTNERSHIPS) {
  const { status } = await call('POST', 'partnerships', {
    name: partnership.name,
    description: partnership.description,
    universityIds: partnership.universities.map((name) => universities.ids.get(name)),
    councilIds: partnership.councils.map((name) => councils.ids.get(name)),
  });
  if (status === 201) partnershipsFormed++;
}
process.stdout.write(
  `Demo data: ${universities.created} universities, ${councils.created} councils and ${partnershipsFormed} partnerships added ` +
    `(the rest were there already)\n`,
);
