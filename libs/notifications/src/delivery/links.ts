import { Injectable } from '@nestjs/common';
import { NotificationConfig } from '../notification.config.js';

/** Links to the web's pages about the records an email is about. */
@Injectable()
export class Links {
  constructor(private readonly config: NotificationConfig) {}

  private url(path: string): string {
    return new URL(path, this.config.PUBLIC_URL).toString();
  }

  opportunity = (id: string) => this.url(`/opportunities/${id}`);
  applications = (opportunityId: string) => this.url(`/manage/opportunities/${opportunityId}/applications`);
  matches = (opportunityId: string) => this.url(`/manage/opportunities/${opportunityId}/matches`);
  /** A lead's page to propose, approve and reject for the opportunity. */
  decisions = (opportunityId: string) => this.url(`/decisions/opportunities/${opportunityId}`);
  myMatches = () => this.url('/home');
  findOpportunities = () => this.url('/opportunities');
  confirmSubscription = (token: string) => this.url(`/subscription/confirm/${token}`);
  unsubscribe = (token: string) => this.url(`/unsubscribe/${token}`);
  acceptInvitation = (token: string) => `${this.url('/invitation')}?token=${encodeURIComponent(token)}`;
  resetPassword = (token: string) => this.url(`/password-reset/${token}`);
}
