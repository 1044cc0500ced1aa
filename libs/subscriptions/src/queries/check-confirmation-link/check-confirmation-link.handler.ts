import { BadRequestException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IdentityConfig } from '#libs/identity';
import { confirmationClaims, INVALID_CONFIRMATION_LINK } from '../../domain/email-links.js';
import { CheckConfirmationLinkQuery } from './check-confirmation-link.query.js';

@QueryHandler(CheckConfirmationLinkQuery)
export class CheckConfirmationLinkHandler implements IQueryHandler<CheckConfirmationLinkQuery> {
  constructor(private readonly config: IdentityConfig) {}

  execute({ token }: CheckConfirmationLinkQuery): Promise<void> {
    return confirmationClaims(this.config.LINK_SECRET, token) ? Promise.resolve() : Promise.reject(new BadRequestException(INVALID_CONFIRMATION_LINK));
  }
}
