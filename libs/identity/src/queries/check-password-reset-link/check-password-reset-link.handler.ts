import { BadRequestException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { openReset, RESET_LINK_EXPIRED } from '../../persistence/open-password-reset.js';
import { CheckPasswordResetLinkQuery } from './check-password-reset-link.query.js';

@QueryHandler(CheckPasswordResetLinkQuery)
export class CheckPasswordResetLinkHandler implements IQueryHandler<CheckPasswordResetLinkQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ token }: CheckPasswordResetLinkQuery): Promise<void> {
    if (!(await openReset(this.dataSource.manager, token))) throw new BadRequestException(RESET_LINK_EXPIRED);
  }
}
