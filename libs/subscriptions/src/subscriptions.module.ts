import { Module } from '@nestjs/common';
import { OutboxModule } from '#libs/events';
import { AnonymousSubscriptionsController } from './http/anonymous-subscriptions.controller.js';
import { DigestQueue, DigestRequestsController } from './http/digest-requests.controller.js';
import { EmailLinksController } from './http/email-links.controller.js';
import { SubscriptionsController } from './http/subscriptions.controller.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** Subscriptions to new opportunities, email preferences and the links in emails: the API's side of email. */
@Module({
  imports: [OutboxModule],
  controllers: [AnonymousSubscriptionsController, SubscriptionsController, EmailLinksController, DigestRequestsController],
  providers: [SubscriptionsService, DigestQueue],
})
export class SubscriptionsModule {}
