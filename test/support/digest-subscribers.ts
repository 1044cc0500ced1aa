import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type supertest from 'supertest';
import { councilRequest, eventually, opportunityRequest, type SmtpInbox, universityRequest } from '#libs/testing';
import { confirmationIn } from './email-links.js';
import { personWith } from './people.js';


/**
 * A partnership that lists publicly (subscribers without an account hear only of those), `subscribers`
 * confirmed for a daily digest through the links mailed to `inbox`, and one published opportunity:
 * the next daily run sends each of them a digest.
 */
export async function subscribersAwaitingADigest(
  api: { app: NestFastifyApplication; admin: ReturnType<typeof supertest.agent>; anonymous: ReturnType<typeof supertest> },
  inbox: SmtpInbox,
  subscribers: string[],
  publicUrl: string,
): Promise<void> {
  const { app, admin, anonymous } = api;
  const uea = (await admin.post('/api/universities').send(universityRequest()).expect(201)).body.id;
  const norfolk = (await admin.post('/api/councils').send(councilRequest()).expect(201)).body.id;
  const partnership = (await admin.post('/api/partnerships').send({ name: 'P', universityIds: [uea], councilIds: [norfolk] }).expect(201)).body.id;
  await admin.patch(`/api/partnerships/${partnership}/settings`).send({ listsPublicly: true }).expect(200);
  const academic = await personWith(app, admin, 'academic', { universityId: uea });
  for (const email of subscribers) {
    await anonymous.post('/api/subscriptions').send({ email, frequency: 'daily' }).expect(202);
    const mail = await eventually(() => inbox.to(email)[0] ?? false);
    await anonymous.post(confirmationIn(mail, publicUrl)).expect(200);
  }
  const opportunity = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnership, { title: 'Lecture' })).expect(201)).body.id;
  await academic.http.post(`/api/opportunities/${opportunity}/publish`).expect(200);
}
