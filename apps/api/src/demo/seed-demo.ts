import { loadConfigOrExit } from '#libs/config';
import { ApiConfig } from '../api.config.js';
import { OPPORTUNITY_IDEAS, pick, seededRandom, SPECIALISMS } from './demo-catalogue.js';
import { DEMO_COUNCILS, DEMO_PARTNERSHIPS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_UNIVERSITIES } from './demo-organisations.js';
import { seedPractitioners } from './seed-practitioners.js';

const PRACTITIONERS_PER_COUNCIL = 60;
const OPPORTUNITIES_PER_PARTNERSHIP = 20;

/**
 * Loads the demo through the running API, so every record's events flow to the workers as they
 * would for a person. Safe to run again: what is already there answers 409 and is left alone.
 */
const config = loadConfigOrExit(ApiConfig);
const base = `http://${config.HOST}:${config.PORT}/api`;
const headers: Record<string, string> = { 'content-type': 'application/json', 'x-correlation-id': 'demo-seed' };

async function call(method: string, path: string, body?: object): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}/${path}`, {
    method,
    headers: body ? headers : { authorization: headers.authorization ?? '', 'x-correlation-id': 'demo-seed' },
    body: body && JSON.stringify(body),
  });
  const parsed: unknown = await response.json();
  if (response.status >= 400 && response.status !== 409) throw new Error(`${method} /api/${path} answered ${response.status}: ${JSON.stringify(parsed)}`);
  return { status: response.status, body: parsed };
}

/** The demo practitioner's profile, saved as they would: so they can apply, and are recommended, at once. */
async function saveProfile(email: string): Promise<void> {
  const login = (await call('POST', 'auth/login', { email, password: DEMO_PASSWORD })).body as { accessToken: string };
  const response = await fetch(`${base}/me/profile`, {
    method: 'PUT',
    headers: { ...headers, authorization: `Bearer ${login.accessToken}` },
    body: JSON.stringify({
      careerStage: 'senior_practitioner',
      pepsStage: 2,
      yearsQualified: 9,
      specialisms: ['child_protection', 'mental_health', 'domestic_abuse'],
      availability: { weekdays: [1, 2, 3, 4, 5], unavailable: [] },
      preferredFormats: ['in_person', 'online'],
      maxOpportunitiesPerTerm: 3,
    }),
  });
  if (response.status !== 200) throw new Error(`Saving ${email}'s profile answered ${response.status}: ${await response.text()}`);
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
// So that the public listing has something to show.
await call('PATCH', `partnerships/${norfolkAndSuffolk}/settings`, { listsPublicly: true });
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
    if (person.role === 'practitioner') await saveProfile(person.email);
  }
  signInDetails.push(`  ${person.role.padEnd(18)}  ${person.email} / ${DEMO_PASSWORD}`);
}


const practitionersAdded = await seedPractitioners(config.DATABASE_URL, councils.ids, PRACTITIONERS_PER_COUNCIL, DEMO_PASSWORD);
const opportunitiesAdded = await seedOpportunities(partnerships.items);

process.stdout.write(
  `Demo data: ${universities.created} universities, ${councils.created} councils, ${partnershipsFormed} partnerships, ` +
    `${practitionersAdded} practitioners and ${opportunitiesAdded} opportunities added (the rest were there already)\n` +
    `Sign in (on the web, or POST /api/auth/login) as:\n${signInDetails.join('\n')}\n` +
    `  or any of the demo practitioners, e.g. practitioner1@norfolk-county-council.demo.example / ${DEMO_PASSWORD}\n`,
);

/** About twenty opportunities of all four types in each partnership, published, unless it has them already. */
async function seedOpportunities(all: { id: string; name: string }[]): Promise<number> {
  const random = seededRandom(11);
  let added = 0;
  for (const partnership of all) {
    const existing = (await call('GET', `opportunities?partnershipId=${partnership.id}&limit=100`)).body as { items: unknown[] };
    if (existing.items.length >= OPPORTUNITIES_PER_PARTNERSHIP) continue;
    const detail = (await call('GET', `partnerships/${partnership.id}`)).body as { members: { organisationId: string }[] };
    for (let n = 0; n < OPPORTUNITIES_PER_PARTNERSHIP - existing.items.length; n++) {
      const type = pick(random, Object.keys(OPPORTUNITY_IDEAS) as (keyof typeof OPPORTUNITY_IDEAS)[]);
      const [title, description] = pick(random, OPPORTUNITY_IDEAS[type]);
      const startsIn = 14 + Math.floor(random() * 120);
      const start = new Date(Date.now() + startsIn * 86_400_000);
      start.setUTCHours(9 + Math.floor(random() * 6), 0, 0, 0);
      // Teaching, interviews and placements happen on working days.
      while (start.getUTCDay() === 0 || start.getUTCDay() === 6) start.setUTCDate(start.getUTCDate() + 1);
      const created = await call('POST', 'opportunities', {
        partnershipId: partnership.id,
        hostOrganisationId: pick(random, detail.members).organisationId,
        type,
        title,
        description,
        sessions: [{ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), place: 'To be confirmed', onlineLink: 'https://meet.example/partnership' }],
        capacity: 1 + Math.floor(random() * 4),
        requiredSpecialisms: random() > 0.4 ? [pick(random, SPECIALISMS)] : [],
        minimumCareerStage: type === 'interviewing' ? 'social_worker' : pick(random, ['student', 'asye', 'social_worker', 'senior_practitioner']),
        ...(type === 'practice_educator' ? { pepsStage: 1 + Math.floor(random() * 2), minimumCareerStage: 'social_worker' } : {}),
        closesAt: new Date(start.getTime() - 7 * 86_400_000).toISOString(),
        contact: `${partnership.name} team`,
      });
      await call('POST', `opportunities/${(created.body as { id: string }).id}/publish`);
      added++;
    }
  }
  return added;
}
