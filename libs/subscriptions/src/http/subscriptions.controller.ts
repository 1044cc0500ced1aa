import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller, Roles } from '#libs/identity';
import { CancelSubscriptionCommand } from '../commands/cancel-subscription/cancel-subscription.command.js';
import { LiftSuppressionCommand } from '../commands/lift-suppression/lift-suppression.command.js';
import { SaveEmailPreferencesCommand } from '../commands/save-email-preferences/save-email-preferences.command.js';
import { SubscribeMeCommand } from '../commands/subscribe-me/subscribe-me.command.js';
import { EmailPreferencesQuery } from '../queries/email-preferences/email-preferences.query.js';
import { EmailSuppressionsQuery } from '../queries/email-suppressions/email-suppressions.query.js';
import { MySubscriptionsQuery } from '../queries/my-subscriptions/my-subscriptions.query.js';
import {
  EmailPreferences,
  SubscriptionFilters,
  SubscriptionResponse,
  SuppressionParams,
  SuppressionResponse,
} from './subscription.dto.js';

@ApiTags('subscriptions')
@ApiSignedIn()
@Controller()
export class SubscriptionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('me/subscriptions')
  @ApiOperation({ summary: 'The signed-in person\'s subscriptions' })
  @ApiOkResponse({ type: [SubscriptionResponse] })
  mine(@CurrentCaller() caller: Caller): Promise<SubscriptionResponse[]> {
    return this.queries.execute(new MySubscriptionsQuery(caller));
  }

  @Post('me/subscriptions')
  @ApiOperation({
    summary: 'Subscribe the signed-in person (no confirmation needed)',
    description: 'Emits `subscription.confirmed`. Alerts list only the opportunities of the partnerships the person works in when each is sent.',
  })
  @ApiCreatedResponse({ type: SubscriptionResponse })
  @ApiProblems(400, [404, 'No partnership the caller works in has that id.'])
  subscribeMe(@Body() filters: SubscriptionFilters, @CurrentCaller() caller: Caller): Promise<SubscriptionResponse> {
    return this.commands.execute(new SubscribeMeCommand(filters, caller));
  }

  @Delete('me/subscriptions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel one of the signed-in person\'s subscriptions', description: 'Emits `subscription.cancelled`.' })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async cancel(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.commands.execute(new CancelSubscriptionCommand(id, caller));
  }

  @Get('me/preferences')
  @ApiOperation({ summary: 'Which kinds of email the signed-in person gets', description: 'Email about a decision on their own application always goes.' })
  @ApiOkResponse({ type: EmailPreferences })
  preferences(@CurrentCaller() caller: Caller): Promise<EmailPreferences> {
    return this.queries.execute(new EmailPreferencesQuery(caller));
  }

  @Put('me/preferences')
  @ApiOperation({ summary: 'Choose which kinds of email to get' })
  @ApiOkResponse({ type: EmailPreferences })
  @ApiProblems(400)
  savePreferences(@Body() preferences: EmailPreferences, @CurrentCaller() caller: Caller): Promise<EmailPreferences> {
    return this.commands.execute(new SaveEmailPreferencesCommand(preferences, caller));
  }

  @Get('admin/email-suppressions')
  @Roles('admin')
  @ApiOperation({ summary: 'Addresses no email goes to any more (they bounced for good), newest first' })
  @ApiOkResponse({ type: [SuppressionResponse] })
  @ApiProblems(403)
  suppressions(): Promise<SuppressionResponse[]> {
    return this.queries.execute(new EmailSuppressionsQuery());
  }

  @Delete('admin/email-suppressions/:email')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Lift a suppression: email goes to the address again',
    description: 'For an address that bounced for a reason now fixed (a full mailbox emptied, a typo corrected). Emits `email.suppression_lifted`.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 403, 404)
  async liftSuppression(@Param() params: SuppressionParams, @CurrentCaller() caller: Caller): Promise<void> {
    await this.commands.execute(new LiftSuppressionCommand(params.email, caller));
  }
}
