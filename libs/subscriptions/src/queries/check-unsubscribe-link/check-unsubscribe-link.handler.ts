import { BadRequestException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IdentityConfig } from '#libs/identity';
import { INVALID_UNSUBSCRIBE_LINK, unsubscribeClaims } from '../../domain/email-links.js';
import { CheckUnsubscribeLinkQuery } from './check-unsubscribe-link.query.js';

@QueryHandler(CheckUnsubscribeLinkQuery)
export class CheckUnsubscribeLinkHandler implements IQueryHandler<CheckUnsubscribeLinkQuery> {
  constructor(private readonly config: IdentityConfig) {}

  execute({ token }: CheckUnsubscribeLinkQuery): Promise<void> {
    return unsubscribeClaims(this.config.LINK_SECRET, token) ? Promise.resolve() : Promise.reject(new BadRequestException(INVALID_UNSUBSCRIBE_LINK));
  }
}
