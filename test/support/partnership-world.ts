import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type supertest from 'supertest';
import { councilRequest, profileRequest, universityRequest } from '#libs/testing';
import { type Person, personWith } from './people.js';

type Admin = ReturnType<typeof supertest.agent>;

export interface WorldIds {
  partnershipA: string;
  partnershipB: string;
  /** The university of partnership A whose academic is `academic`. */
  uea: string;
  /** A's second university, when asked for. */
  suffolk: string;
  /** Partnership A's council, where its practitioners work. */
  norfolk: string;
  /** Partnership B's council. */
  otherB: string;
}

export interface PartnershipWorld {
  ids: WorldIds;
  /** A's lead. */
  lead: Person;
  /** An academic of A's university `uea`. */
  academic: Person;
  /** Practitioners of A's council, each with the profile asked for. */
  practitioners: Person[];
  /** An academic of A's second university. */
  otherAcademic: Person;
  /** B's lead. */
  otherLead: Person;
  /** A practitioner of B's council, with the same profile. */
  outsider: Person;
}

export interface WorldOptions {
  /** Practitioners of A's council (default 1). */
  practitioners?: number;
  /** Their profile; `false` leaves them without one (default: `profileRequest()`). */
  profile?: Record<string, unknown> | false;
  /** A second university in A, with an academic of its own. */
  otherAcademic?: boolean;
  otherLead?: boolean;
  outsider?: boolean;
  names?: { partnershipA?: string; partnershipB?: string; norfolk?: string };
}

/**
 * The world most tests start from: partnership A (a university, a council, a lead, an academic and
 * practitioners) and partnership B (a council of its own), set up by the admin over the API; the
 * people a test does not ask for are not made, so lists and audit trails hold only whom it expects.
 */
export async function partnershipWorld(app: NestFastifyApplication, admin: Admin, options: WorldOptions = {}): Promise<PartnershipWorld> {
  const created = async (path: string, body: object) => {
    const response = await admin.post(path).send(body);
    if (response.status !== 201) throw new Error(`POST ${path} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  };
  const uea = await created('/api/universities', universityRequest());
  const suffolk = options.otherAcademic ? await created('/api/universities', universityRequest()) : '';
  const norfolk = await created('/api/councils', councilRequest(options.names?.norfolk ? { name: options.names.norfolk } : {}));
  const otherB = await created('/api/councils', councilRequest());
  const partnershipA = await created('/api/partnerships', { name: options.names?.partnershipA ?? 'A', universityIds: suffolk ? [uea, suffolk] : [uea], councilIds: [norfolk] });
  const partnershipB = await created('/api/partnerships', { name: options.names?.partnershipB ?? 'B', councilIds: [otherB] });
  const ids = { partnershipA, partnershipB, uea, suffolk, norfolk, otherB };

  const leadOf = async (partnershipId: string) => {
    const lead = await personWith(app, admin, 'partnership_lead');
    await created(`/api/partnerships/${partnershipId}/leads`, { userId: lead.id });
    return lead;
  };
  const profile = options.profile === undefined ? profileRequest() : options.profile;
  const practitionerOf = async (councilId: string) => {
    const person = await personWith(app, admin, 'practitioner', { councilId });
    if (profile) {
      const saved = await person.http.put('/api/me/profile').send(profile);
      if (saved.status !== 200) throw new Error(`Saving a profile failed: ${saved.status} ${JSON.stringify(saved.body)}`);
    }
    return person;
  };

  const lead = await leadOf(partnershipA);
  const academic = await personWith(app, admin, 'academic', { universityId: uea });
  const practitioners: Person[] = [];
  for (let i = 0; i < (options.practitioners ?? 1); i++) practitioners.push(await practitionerOf(norfolk));
  const optional = {
    otherAcademic: options.otherAcademic ? await personWith(app, admin, 'academic', { universityId: suffolk }) : undefined,
    otherLead: options.otherLead ? await leadOf(partnershipB) : undefined,
    outsider: options.outsider ? await practitionerOf(otherB) : undefined,
  };
  const world = { ids, lead, academic, practitioners } as PartnershipWorld;
  for (const [name, person] of Object.entries(optional)) {
    Object.defineProperty(world, name, {
      get: () => person ?? fail(`the world has no ${name}: ask for it in partnershipWorld's options`),
    });
  }
  return world;
}

function fail(message: string): never {
  throw new Error(message);
}
