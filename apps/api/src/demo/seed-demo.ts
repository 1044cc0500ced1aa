import { loadConfigOrExit } from '#libs/config';
import { ApiConfig } from '../api.config.js';
import { DEMO_COUNCILS, DEMO_PARTNERSHIPS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_UNIVERSITIES } from './demo-organisations.js';

/**
 * Loads the demo through the running API, so every record's events flow to the workers as they
 * would for a person. Safe to run again: what is already there answers 409 and is left alone.
 */
const config = loadConfigOrExit(ApiConfig);
const base = `http://${config.HOST}:${config.PORT}/api`;
const headers: Record<string, string> = { 'content-type': 'application/json', 'x-correlation-id': 'demo-seed' };

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

const signIn = await call('POST', 'auth/login', { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
headers.authorization = `Bearer ${(signIn.body as { accessToken: string }).accessToken}`;

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

/** One person of each role, signed up with the demo password; those already there are left alone. */
const partnerships = (await call('GET', 'partnerships')).body as { items: { id: string; name: string }[] };
const norfolkAndSuffolk = partnerships.items.find((p) => p.name === DEMO_PARTNERSHIPS[0]!.name)!.id;
const signInDetails: string[] = [`  admin               ${config.ADMIN_EMAIL} / ${config.ADMIN_PASSWORD}`];
for (const person of DEMO_PEOPLE) {
  const organisation =
    person.role === 'academic' ? { universityId: universities.ids.get(person.organisation!) } :
    person.role === 'practitioner' ? { councilId: councils.ids.get(person.organisation!) } : {};
  const invited = await call('POST', 'invitations', { email: person.email, displayName: person.displayName, role: person.role, ...organisation });
  if (invited.status === 201) {
    const { userId, invitationToken } = invited.body as { userId: string; invitationToken: string };
    await call('POST', 'invitations/accept', { token: invitationToken, password: DEMO_PASSWORD });
    if (person.role === 'partnership_lead') await call('POST', `partnerships/${norfolkAndSuffolk}/leads`, { userId });
  }
  signInDetails.push(`  ${person.role.padEnd(18)}  ${person.email} / ${DEMO_PASSWORD}`);
}

process.stdout.write(
  `Demo data: ${universities.created} universities, ${councils.created} councils and ${partnershipsFormed} partnerships added ` +
    `(the rest were there already)\nSign in (POST /api/auth/login) as:\n${signInDetails.join('\n')}\n`,
);
