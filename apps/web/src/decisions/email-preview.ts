import type { FastifyRequest } from 'fastify';
import type { Schema } from '#libs/api-contract';
import { render } from '#libs/email-templates';

type Opportunity = Schema<'OpportunityResponse'>;

export interface EmailPreview {
  subject: string;
  text: string;
}

// The sender only signs the calendar invitation, which a preview does not show.
const SENDER = { name: 'Teaching Partnership Marketplace', email: 'no-reply@example.invalid' };
const NO_SIGNED_LINKS = { acceptInvitation: () => '', resetPassword: () => '', confirmSubscription: () => '' };

/**
 * The email the practitioner will get, rendered by the notification worker's own templates from
 * the same facts. Its link is to this service's page for the same thing.
 */
export function decisionEmail(
  request: FastifyRequest,
  decision: 'approve' | 'reject',
  facts: { partnershipName: string; practitionerName: string; opportunity: Opportunity; matchId: string; note: string },
): EmailPreview {
  const origin = `${request.protocol}://${request.host}`;
  const about = { partnershipName: facts.partnershipName, recipientName: facts.practitionerName, opportunityTitle: facts.opportunity.title };
  const note = facts.note || null;
  const email =
    decision === 'approve'
      ? render(
          'match-approved',
          {
            ...about,
            note,
            matchId: facts.matchId,
            sessions: facts.opportunity.sessions,
            recipientEmail: 'practitioner@example.invalid',
            link: `${origin}/opportunities/${facts.opportunity.id}`,
          },
          SENDER,
          NO_SIGNED_LINKS,
        )
      : render('match-rejected', { ...about, note, link: `${origin}/opportunities` }, SENDER, NO_SIGNED_LINKS);
  return { subject: email.subject, text: email.text.trimEnd() };
}
