import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { ApplyHandler } from './commands/apply/apply.handler.js';
import { WithdrawApplicationHandler } from './commands/withdraw-application/withdraw-application.handler.js';
import { ApplicationsController } from './http/applications.controller.js';
import { Application } from './persistence/application.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Application]), OutboxModule],
  controllers: [ApplicationsController],
  providers: [ApplyHandler, WithdrawApplicationHandler],
})
export class ApplicationsModule {}
