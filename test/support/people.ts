import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type supertest from 'supertest';
import type { Role } from '#libs/identity';
import { signedIn } from './test-stack.js';

export const PASSWORD = 'a long enough password';

export interface Person {
  id: string;
  email: string;
  http: ReturnType<typeof supertest.agent>;
}

/** A person invited by `admin` and signed up with PASSWORD, with a client signed in as them. */
export async function personWith(
  app: NestFastifyApplication,
  admin: ReturnType<typeof supertest.agent>,
  role: Role,
  organisation: { universityId?: string; councilId?: string } = {},
): Promise<Person> {
  const email = `${role}.${randomBytes(3).toString('hex')}@example.org`;
  const invited = await admin.post('/api/invitations').send({ email, displayName: `A ${role}`, role, ...organisation });
  if (invited.status !== 201) throw new Error(`Inviting a ${role} failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const accepted = await admin.post('/api/invitations/accept').send({ token: invited.body.invitationToken, password: PASSWORD });
  if (accepted.status !== 200) throw new Error(`Accepting failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { id: invited.body.userId, email, http: await signedIn(app, email, PASSWORD) };
}
