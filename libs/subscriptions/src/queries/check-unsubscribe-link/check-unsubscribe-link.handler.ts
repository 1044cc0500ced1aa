import { BadRequestException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IdentityConfig } from '#libs/identity';
import { INVALID_UNSUBSCRIBE_LINK, unsubscribeClaims } from '../../domain/email-links.js';
import { CheckUnsubscribeLinkQuery } from './check-unsubscribe-link.query.js';

@QueryHandler(CheckUnsubscribeLinkQuery)
export class CheckUnsubscribeLinkHandler implements IQueryHandler<CheckUnsubscribeLinkQuery> {
  constructor(private readonly config: IdentityConfig) {}

  execute({ token }: CheckUnsubscribeLinkQuery): Promise<void> {
    if (!unsubscribeClaims(this.config.LINK_SECRET, token)) throw new BadRequestException(INVALID_UNSUBSCRIBE_LINK);
    return Promise.resolve();
  }
}
