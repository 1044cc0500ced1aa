import { Controller, Get, Module, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SignedIn } from '../session/signed-in.guard.js';
import { CouncilsController } from './councils.controller.js';
import { DigestsController } from './digests.controller.js';
import { EmailSuppressionsController } from './email-suppressions.controller.js';
import { PartnershipMembersController } from './partnership-members.controller.js';
import { PartnershipsController } from './partnerships.controller.js';
import { QueueDashboardController } from './queue-dashboard.controller.js';
import { UniversitiesController } from './universities.controller.js';

/** An admin's home is /home, like everyone's; /admin leads there. */
@Controller('admin')
@SignedIn('admin')
class AdminStartController {
  @Get()
  start(@Res() reply: FastifyReply): unknown {
    return reply.redirect('/home', 303);
  }
}

/** Running the service: organisations, partnerships, email suppressions, digests and the queues. */
@Module({
  controllers: [
    AdminStartController,
    UniversitiesController,
    CouncilsController,
    PartnershipsController,
    PartnershipMembersController,
    EmailSuppressionsController,
    DigestsController,
    QueueDashboardController,
  ],
})
export class AdminModule {}
