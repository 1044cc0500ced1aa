import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { Council } from './council.entity.js';
import { CouncilsController } from './councils.controller.js';
import { FindCouncilsHandler } from './find-councils.handler.js';
import { GetCouncilHandler } from './get-council.handler.js';
import { RegisterCouncilHandler } from './register-council.handler.js';

@Module({
  imports: [TypeOrmModule.forFeature([Council]), OutboxModule],
  controllers: [CouncilsController],
  providers: [RegisterCouncilHandler, FindCouncilsHandler, GetCouncilHandler],
})
export class CouncilsModule {}
