import type { EntityManager } from 'typeorm';
import type { TemplateName, TemplateParams } from '#libs/email-templates';

export interface PlannedMessage<N extends TemplateName = TemplateName> {
  recipient: string;
  template: N;
  params: TemplateParams[N];
  /** The user it is for, when it is one: their email preferences apply. */
  userId?: string | null;
}

/** Shorthand that keeps a message's params checked against its template. */
export const message = <N extends TemplateName>(template: N, recipient: string, params: TemplateParams[N], userId?: string | null): PlannedMessage<N> => ({
  template,
  recipient,
  params,
  userId: userId ?? null,
});

/**
 * Records the messages an event (or a digest period: `eventKey`) causes, before any is sent, under
 * the key (event, recipient, template): the record exists exactly once whatever the redeliveries.
 */
export async function planMessages(transaction: EntityManager, eventKey: string, messages: PlannedMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await transaction.query(
    `INSERT INTO sent_messages (event_key, recipient, template, params, user_id)
     SELECT $1, m.recipient, m.template, m.params, m.user_id
     FROM jsonb_to_recordset($2::jsonb) AS m (recipient text, template text, params jsonb, user_id uuid)
     ON CONFLICT (event_key, lower(recipient), template) DO NOTHING`,
    [eventKey, JSON.stringify(messages.map((m) => ({ ...m, recipient: m.recipient.trim(), user_id: m.userId ?? null })))],
  );
}
