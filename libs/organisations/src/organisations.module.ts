import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { RegisterOrganisationHandler } from './commands/register-organisation/register-organisation.handler.js';
import { CouncilsController } from './http/councils.controller.js';
import { UniversitiesController } from './http/universities.controller.js';
import { Council } from './persistence/council.entity.js';
import { University } from './persistence/university.entity.js';
import { FindCouncilsHandler } from './queries/find-councils/find-councils.handler.js';
import { FindUniversitiesHandler } from './queries/find-universities/find-universities.handler.js';
import { GetCouncilHandler } from './queries/get-council/get-council.handler.js';
import { GetUniversityHandler } from './queries/get-university/get-university.handler.js';

/** The universities and councils that partnerships are made of. */
@Module({
  imports: [TypeOrmModule.forFeature([University, Council]), OutboxModule],
  controllers: [UniversitiesController, CouncilsController],
  providers: [RegisterOrganisationHandler, FindUniversitiesHandler, GetUniversityHandler, FindCouncilsHandler, GetCouncilHandler],
})
export class OrganisationsModule {}
