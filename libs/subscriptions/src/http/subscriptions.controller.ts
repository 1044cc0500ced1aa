import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiProblems, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, canSeePartnership, CurrentCaller, Roles } from '#libs/identity';
import { SubscriptionsService } from '../subscriptions.service.js';
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
    private readonly subscriptions: SubscriptionsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('me/subscriptions')
  @ApiOperation({ summary: 'The signed-in person\'s subscriptions' })
  @ApiOkResponse({ type: [SubscriptionResponse] })
  mine(@CurrentCaller() caller: Caller): Promise<SubscriptionResponse[]> {
    return this.subscriptions.listForUser(caller.id);
  }

  @Post('me/subscriptions')
  @ApiOperation({
    summary: 'Subscribe the signed-in person (no confirmation needed)',
    description: 'Emits `subscription.confirmed`. Alerts list only the opportunities of the partnerships the person works in when each is sent.',
  })
  @ApiCreatedResponse({ type: SubscriptionResponse })
  @ApiProblems(400, [404, 'No partnership the caller works in has that id.'])
  async subscribeMe(@Body() filters: SubscriptionFilters, @CurrentCaller() caller: Caller): Promise<SubscriptionResponse> {
    if (filters.partnershipId && !canSeePartnership(caller, filters.partnershipId)) throw new NotFoundException(`No partnership has id ${filters.partnershipId}.`);
    const [user] = await this.dataSource.query(`SELECT email FROM users WHERE id = $1`, [caller.id]);
    return this.subscriptions.subscribeUser(caller.id, (user as { email: string }).email, filters);
  }

  @Delete('me/subscriptions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cancel one of the signed-in person\'s subscriptions', description: 'Emits `subscription.cancelled`.' })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async cancel(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.subscriptions.cancelForUser(caller.id, id);
  }

  @Get('me/preferences')
  @ApiOperation({ summary: 'Which kinds of email the signed-in person gets', description: 'Email about a decision on their own application always goes.' })
  @ApiOkResponse({ type: EmailPreferences })
  preferences(@CurrentCaller() caller: Caller): Promise<EmailPreferences> {
    return this.subscriptions.preferences(caller.id);
  }

  @Put('me/preferences')
  @ApiOperation({ summary: 'Choose which kinds of email to get' })
  @ApiOkResponse({ type: EmailPreferences })
  @ApiProblems(400)
  savePreferences(@Body() preferences: EmailPreferences, @CurrentCaller() caller: Caller): Promise<EmailPreferences> {
    return this.subscriptions.savePreferences(caller.id, preferences);
  }

  @Get('admin/email-suppressions')
  @Roles('admin')
  @ApiOperation({ summary: 'Addresses no email goes to any more (they bounced for good), newest first' })
  @ApiOkResponse({ type: [SuppressionResponse] })
  @ApiProblems(403)
  suppressions(): Promise<SuppressionResponse[]> {
    return this.subscriptions.suppressions();
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
    await this.subscriptions.liftSuppression(params.email, caller.id);
  }
}
