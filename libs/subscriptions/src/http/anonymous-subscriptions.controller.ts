import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#libs/http';
import { Public } from '#libs/identity';
import { RequestSubscriptionCommand } from '../commands/request-subscription/request-subscription.command.js';
import { SubscribeRequest, SubscriptionRequested } from './subscription.dto.js';

/** Subscribing by email address, for anyone: apart from SubscriptionsController, whose every endpoint needs a token. */
@ApiTags('subscriptions')
@Public()
@Controller()
export class AnonymousSubscriptionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('subscriptions')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Subscribe any email address to new opportunities',
    description:
      'Sends a confirmation email; nothing else is sent until its link is used. Emits `subscription.requested`. An address without an account hears only of ' +
      'partnerships that list publicly; the answer is the same for every well-formed request, whatever `partnershipId` names.',
  })
  @ApiAcceptedResponse({ type: SubscriptionRequested })
  @ApiProblems(400)
  async subscribe(@Body() request: SubscribeRequest): Promise<SubscriptionRequested> {
    await this.commands.execute(new RequestSubscriptionCommand(request));
    return { status: 'pending' };
  }
}
