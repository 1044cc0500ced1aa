import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApplicationResponse } from '../../http/application.dto.js';
import { toApplicationResponse } from '../../http/application.mapper.js';
import { Application } from '../../persistence/application.entity.js';
import { MyApplicationsQuery } from './my-applications.query.js';

@QueryHandler(MyApplicationsQuery)
export class MyApplicationsHandler implements IQueryHandler<MyApplicationsQuery> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ practitionerId }: MyApplicationsQuery): Promise<ApplicationResponse[]> {
    const applications = await this.dataSource.manager.find(Application, { where: { practitionerId }, order: { submittedAt: 'DESC' } });
    return applications.map(toApplicationResponse);
  }
}
