import { Injectable } from '@nestjs/common';
import { NotificationConfig } from './notification.config.js';

/** Links back to the records an email is about. */
@Injectable()
export class Links {
  constructor(private readonly config: NotificationConfig) {}

  private url(path: string): string {
    return new URL(`/api/${path}`, this.config.PUBLIC_URL).toString();
  }

  opportunity = (id: string) => this.url(`opportunities/${id}`);
  applications = (opportunityId: string) => this.url(`opportunities/${opportunityId}/applications`);
  matches = (opportunityId: string) => this.url(`opportunities/${opportunityId}/matches`);
  recommendations = (opportunityId: string) => this.url(`opportunities/${opportunityId}/recommendations`);
  myMatches = () => this.url('me/matches');
  findOpportunities = () => this.url('opportunities');
  confirmSubscription = (token: string) => this.url(`subscriptions/confirm/${token}`);
  unsubscribe = (token: string) => this.url(`unsubscribe/${token}`);
  acceptInvitation = (token: string) => `${this.url('invitations/accept')}?token=${encodeURIComponent(token)}`;
}
