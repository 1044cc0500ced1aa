import { Module } from '@nestjs/common';
import { OutboxModule } from '#libs/events';
import { CancelSubscriptionHandler } from './commands/cancel-subscription/cancel-subscription.handler.js';
import { ConfirmSubscriptionHandler } from './commands/confirm-subscription/confirm-subscription.handler.js';
import { LiftSuppressionHandler } from './commands/lift-suppression/lift-suppression.handler.js';
import { DigestQueue } from './commands/request-digest-run/digest-queue.js';
import { RequestDigestRunHandler } from './commands/request-digest-run/request-digest-run.handler.js';
import { RequestSubscriptionHandler } from './commands/request-subscription/request-subscription.handler.js';
import { SaveEmailPreferencesHandler } from './commands/save-email-preferences/save-email-preferences.handler.js';
import { SubscribeMeHandler } from './commands/subscribe-me/subscribe-me.handler.js';
import { UnsubscribeHandler } from './commands/unsubscribe/unsubscribe.handler.js';
import { AnonymousSubscriptionsController } from './http/anonymous-subscriptions.controller.js';
import { DigestRequestsController } from './http/digest-requests.controller.js';
import { EmailLinksController } from './http/email-links.controller.js';
import { SubscriptionsController } from './http/subscriptions.controller.js';
import { CheckConfirmationLinkHandler } from './queries/check-confirmation-link/check-confirmation-link.handler.js';
import { CheckUnsubscribeLinkHandler } from './queries/check-unsubscribe-link/check-unsubscribe-link.handler.js';
import { EmailPreferencesHandler } from './queries/email-preferences/email-preferences.handler.js';
import { EmailSuppressionsHandler } from './queries/email-suppressions/email-suppressions.handler.js';
import { MySubscriptionsHandler } from './queries/my-subscriptions/my-subscriptions.handler.js';

/** Subscriptions to new opportunities, email preferences and the links in emails: the API's side of email. */
@Module({
  imports: [OutboxModule],
  controllers: [AnonymousSubscriptionsController, SubscriptionsController, EmailLinksController, DigestRequestsController],
  providers: [
    RequestSubscriptionHandler,
    SubscribeMeHandler,
    ConfirmSubscriptionHandler,
    UnsubscribeHandler,
    CancelSubscriptionHandler,
    SaveEmailPreferencesHandler,
    LiftSuppressionHandler,
    RequestDigestRunHandler,
    MySubscriptionsHandler,
    EmailPreferencesHandler,
    EmailSuppressionsHandler,
    CheckConfirmationLinkHandler,
    CheckUnsubscribeLinkHandler,
    DigestQueue,
  ],
})
export class SubscriptionsModule {}
