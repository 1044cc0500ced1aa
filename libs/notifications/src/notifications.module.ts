import { Module } from '@nestjs/common';
import { ApplicationEmails } from './application.emails.js';
import { DigestWorker } from './digests/digest-worker.js';
import { InstantAlerts } from './instant-alerts.js';
import { InvitationEmails } from './invitation.emails.js';
import { Links } from './links.js';
import { Mailer } from './mailer.js';
import { MatchEmails } from './match.emails.js';
import { MessageDelivery } from './message-delivery.js';
import { OpportunityEmails } from './opportunity.emails.js';
import { PasswordResetEmails } from './password-reset.emails.js';
import { RecommendationEmails } from './recommendation.emails.js';
import { SubscriptionEmails } from './subscription.emails.js';

/** Email for the notification worker: the event handlers that plan messages, and their delivery over SMTP. */
@Module({
  providers: [Mailer, MessageDelivery, Links, ApplicationEmails, MatchEmails, OpportunityEmails, RecommendationEmails, InvitationEmails, PasswordResetEmails, SubscriptionEmails, InstantAlerts, DigestWorker],
  exports: [Mailer, MessageDelivery],
})
export class NotificationsModule {}
