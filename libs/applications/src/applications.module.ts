import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { Application } from './application.entity.js';
import { ApplyHandler, WithdrawApplicationHandler } from './application.handlers.js';
import { ApplicationsController } from './applications.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([Application]), OutboxModule],
  controllers: [ApplicationsController],
  providers: [ApplyHandler, WithdrawApplicationHandler],
})
export class ApplicationsModule {}
