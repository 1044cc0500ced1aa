import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { RegisterOrganisationHandler } from './commands/register-organisation/register-organisation.handler.js';
import { CouncilsController } from './http/councils.controller.js';
import { UniversitiesController } from './http/universities.controller.js';
import { Council } from './persistence/council.entity.js';
import { University } from './persistence/university.entity.js';
import { FindOrganisationsHandler } from './queries/find-organisations/find-organisations.handler.js';
import { GetOrganisationHandler } from './queries/get-organisation/get-organisation.handler.js';

/** The universities and councils that partnerships are made of. */
@Module({
  imports: [TypeOrmModule.forFeature([University, Council]), OutboxModule],
  controllers: [UniversitiesController, CouncilsController],
  providers: [RegisterOrganisationHandler, FindOrganisationsHandler, GetOrganisationHandler],
})
export class OrganisationsModule {}
