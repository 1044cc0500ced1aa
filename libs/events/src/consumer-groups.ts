import type { EventType } from './event-catalogue.js';

/**
 * Each consumer group has its own queue, so each receives every event it subscribes to,
 * however many processes of it run.
 */
export const CONSUMER_SUBSCRIPTIONS = {
  matching: [
    'practitioner.profile_updated',
    'opportunity.published',
    'opportunity.updated',
    'opportunity.closed',
    'opportunity.cancelled',
    'opportunity.filled',
    'opportunity.completed',
    'application.submitted',
    'match.proposed',
    'match.approved',
    'partnership.member_removed',
  ],
  notification: [
    'application.submitted',
    'application.withdrawn',
    'match.proposed',
    'match.approved',
    'match.rejected',
    'opportunity.updated',
    'opportunity.cancelled',
    'opportunity.filled',
    'user.invited',
    'user.password_reset_requested',
    'subscription.requested',
    'opportunity.published',
    'opportunity.recommendations_ready',
  ],
} as const satisfies Record<string, readonly EventType[]>;

export type ConsumerGroup = keyof typeof CONSUMER_SUBSCRIPTIONS;
// Non-empty: the subscriptions above name at least one group.
export const CONSUMER_GROUPS = Object.keys(CONSUMER_SUBSCRIPTIONS) as [ConsumerGroup, ...ConsumerGroup[]];

export function queueNameOf(group: ConsumerGroup): string {
  return `${group}-events`;
}

export function subscribersOf(type: EventType): ConsumerGroup[] {
  return CONSUMER_GROUPS.filter((group) => (CONSUMER_SUBSCRIPTIONS[group] as readonly EventType[]).includes(type));
}
