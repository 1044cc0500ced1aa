import type supertest from 'supertest';
import { councilRequest, opportunityRequest, universityRequest } from '#libs/testing';
import type { TestStack } from './test-stack.js';

type Client = ReturnType<typeof supertest.agent>;

/**
 * Events both consumer groups take, made by the admin: publishing an opportunity emits
 * `opportunity.published`, which matching ranks and notification alerts subscribers of. The
 * partnership they are published in is made once; its own events go to neither group, and neither
 * does a draft's `opportunity.drafted`.
 */
export class OpportunitiesToPublish {
  private constructor(
    private readonly stack: TestStack,
    private readonly http: Client,
    private readonly partnershipId: string,
    private readonly hostId: string,
  ) {}

  /** `http` is signed in as the admin. */
  static async create(stack: TestStack, http: Client): Promise<OpportunitiesToPublish> {
    const university = (await http.post('/api/universities').send(universityRequest()).expect(201)).body.id;
    const council = (await http.post('/api/councils').send(councilRequest()).expect(201)).body.id;
    const partnership = await http.post('/api/partnerships').send({ name: `Partnership ${university}`, universityIds: [university], councilIds: [council] }).expect(201);
    return new OpportunitiesToPublish(stack, http, partnership.body.id, university);
  }

  async draft(): Promise<string> {
    const created = await this.http.post('/api/opportunities').send(opportunityRequest(this.partnershipId, { hostOrganisationId: this.hostId })).expect(201);
    return created.body.id;
  }

  /** Publishes the draft; answers the id of its `opportunity.published` event. */
  async publish(opportunityId: string, headers: Record<string, string> = {}): Promise<string> {
    await this.http.post(`/api/opportunities/${opportunityId}/publish`).set(headers).expect(200);
    const [event] = await this.stack.query<{ id: string }>(`SELECT id FROM outbox_events WHERE aggregate_id = $1 AND type = 'opportunity.published'`, [opportunityId]);
    return event!.id;
  }

  /** A new opportunity, published at once: the id of its `opportunity.published` event. */
  async publishNew(headers: Record<string, string> = {}): Promise<string> {
    return this.publish(await this.draft(), headers);
  }
}
