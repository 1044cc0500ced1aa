import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { ApplyHandler } from './commands/apply/apply.handler.js';
import { WithdrawApplicationHandler } from './commands/withdraw-application/withdraw-application.handler.js';
import { ApplicationsController } from './http/applications.controller.js';
import { Application } from './persistence/application.entity.js';
import { MyApplicationsHandler } from './queries/my-applications/my-applications.handler.js';
import { OpportunityApplicationsHandler } from './queries/opportunity-applications/opportunity-applications.handler.js';

@Module({
  imports: [TypeOrmModule.forFeature([Application]), OutboxModule],
  controllers: [ApplicationsController],
  providers: [ApplyHandler, WithdrawApplicationHandler, OpportunityApplicationsHandler, MyApplicationsHandler],
})
export class ApplicationsModule {}
