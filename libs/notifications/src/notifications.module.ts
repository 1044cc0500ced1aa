import { Module } from '@nestjs/common';
import { Links } from './delivery/links.js';
import { Mailer } from './delivery/mailer.js';
import { MessageDelivery } from './delivery/message-delivery.js';
import { DigestWorker } from './digests/digest-worker.js';
import { ApplicationEmails } from './reactions/application.emails.js';
import { InstantAlerts } from './reactions/instant-alerts.js';
import { InvitationEmails } from './reactions/invitation.emails.js';
import { MatchEmails } from './reactions/match.emails.js';
import { OpportunityEmails } from './reactions/opportunity.emails.js';
import { PasswordResetEmails } from './reactions/password-reset.emails.js';
import { RecommendationEmails } from './reactions/recommendation.emails.js';
import { SubscriptionEmails } from './reactions/subscription.emails.js';

/** Email for the notification worker: the event handlers that plan messages, and their delivery over SMTP. */
@Module({
  providers: [
    Mailer,
    MessageDelivery,
    Links,
    ApplicationEmails,
    MatchEmails,
    OpportunityEmails,
    RecommendationEmails,
    InvitationEmails,
    PasswordResetEmails,
    SubscriptionEmails,
    InstantAlerts,
    DigestWorker,
  ],
  exports: [Mailer, MessageDelivery],
})
export class NotificationsModule {}
