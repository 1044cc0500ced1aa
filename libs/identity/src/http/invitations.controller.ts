import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, UuidParam } from '#libs/http';
import { AcceptInvitationCommand } from '../commands/accept-invitation/accept-invitation.command.js';
import { InviteUserCommand } from '../commands/invite-user/invite-user.command.js';
import { ResendInvitationCommand } from '../commands/resend-invitation/resend-invitation.command.js';
import { WithdrawInvitationCommand } from '../commands/withdraw-invitation/withdraw-invitation.command.js';
import type { Caller } from '../domain/caller.js';
import { ApiSignedIn, CurrentCaller, Public, Roles } from './access.decorators.js';
import { AcceptInvitationRequest, InvitationResponse, InviteUserRequest, TokenResponse } from './identity.dto.js';

@ApiTags('identity')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin', 'partnership_lead')
  @ApiSignedIn()
  @ApiOperation({
    summary: 'Invite a person',
    description: 'Admins invite anyone; a partnership lead invites academics and practitioners of organisations in the partnerships they lead. Emits `user.invited`.',
  })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiProblems(400, 404, 409)
  invite(@Body() request: InviteUserRequest, @CurrentCaller() caller: Caller): Promise<InvitationResponse> {
    return this.commands.execute(new InviteUserCommand(request, caller));
  }

  @Post('accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose a password with an invitation token; answers a bearer token (signed in)', description: 'Emits `user.activated`.' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(400)
  accept(@Body() request: AcceptInvitationRequest): Promise<TokenResponse> {
    return this.commands.execute(new AcceptInvitationCommand(request.token, request.password));
  }

  @Post(':id/resend')
  @Roles('admin', 'partnership_lead')
  @ApiSignedIn()
  @ApiOperation({
    summary: 'Re-send an invitation not yet accepted (open or expired), with a new link',
    description:
      'The same scope as inviting; another partnership\'s invitation is 404. The invitation is replaced: its old link stops working, ' +
      'and the new one (a new id and token) expires a full invitation period from now. Emits `user.invited`, from which the email goes.',
  })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiProblems(400, 404, [409, 'The invitation has been accepted already.'])
  resend(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<InvitationResponse> {
    return this.commands.execute(new ResendInvitationCommand(id, caller));
  }

  @Delete(':id')
  @Roles('admin', 'partnership_lead')
  @HttpCode(204)
  @ApiSignedIn()
  @ApiOperation({
    summary: 'Withdraw an invitation not yet accepted',
    description:
      'The same scope as inviting; another partnership\'s invitation is 404. Its link stops working and the invited person is removed ' +
      '(they never signed in), so their email can be invited again. Emits `user.invitation_withdrawn`.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 404, [409, 'The invitation has been accepted already, or records name the person.'])
  async withdraw(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.commands.execute(new WithdrawInvitationCommand(id, caller));
  }
}
