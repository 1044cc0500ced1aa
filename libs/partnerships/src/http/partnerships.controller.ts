import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, type Page, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, canSeePartnership, CurrentCaller, Roles } from '#libs/identity';
import { AddPartnershipMemberCommand } from '../commands/add-partnership-member/add-partnership-member.command.js';
import { AppointLeadCommand } from '../commands/appoint-lead/appoint-lead.command.js';
import { ChangePartnershipSettingsCommand } from '../commands/change-partnership-settings/change-partnership-settings.command.js';
import { FormPartnershipCommand } from '../commands/form-partnership/form-partnership.command.js';
import { RemoveLeadCommand } from '../commands/remove-lead/remove-lead.command.js';
import { RemovePartnershipMemberCommand } from '../commands/remove-partnership-member/remove-partnership-member.command.js';
import { FindPartnershipsQuery } from '../queries/find-partnerships/find-partnerships.query.js';
import { GetAuditPeopleQuery } from '../queries/get-audit-people/get-audit-people.query.js';
import { GetAuditTrailQuery } from '../queries/get-audit-trail/get-audit-trail.query.js';
import { GetPartnershipSettingsQuery } from '../queries/get-partnership-settings/get-partnership-settings.query.js';
import { GetPartnershipQuery } from '../queries/get-partnership/get-partnership.query.js';
import { AuditActor, AuditPage, AuditParams, type AuditEntry } from './audit.dto.js';
import { ChangePartnershipSettingsRequest, PartnershipSettings } from './partnership-settings.dto.js';
import {
  AddPartnershipMemberRequest,
  AppointLeadRequest,
  FormPartnershipRequest,
  PartnershipListParams,
  PartnershipPage,
  PartnershipResponse,
} from './partnership.dto.js';

@ApiTags('partnerships')
@ApiSignedIn()
@Controller('partnerships')
export class PartnershipsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':id/audit')
  @ApiOperation({ summary: "The partnership's audit trail: who did what to which record, when; newest first (leads and admins)" })
  @ApiOkResponse({ type: AuditPage })
  @ApiProblems(400, [403, "Only the partnership's leads read its audit trail."], 404)
  audit(@UuidParam('id') id: string, @Query() params: AuditParams, @CurrentCaller() caller: Caller): Promise<Page<AuditEntry>> {
    return this.queries.execute(new GetAuditTrailQuery(id, params, caller));
  }

  @Get(':id/audit/people')
  @ApiOperation({ summary: "The people who made changes in the partnership's audit trail, by name, to filter it by (leads and admins)" })
  @ApiOkResponse({ type: [AuditActor] })
  @ApiProblems(400, [403, "Only the partnership's leads read its audit trail."], 404)
  auditPeople(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<AuditActor[]> {
    return this.queries.execute(new GetAuditPeopleQuery(id, caller));
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Form a partnership, optionally with its first members', description: 'Emits `partnership.formed` and a `partnership.member_added` per member.' })
  @ApiCreatedResponse({ type: PartnershipResponse })
  @ApiProblems(400, 404, 409)
  form(@Body() request: FormPartnershipRequest, @CurrentCaller() caller: Caller): Promise<PartnershipResponse> {
    return this.commands.execute(new FormPartnershipCommand(request, caller.id));
  }

  @Get()
  @ApiOperation({ summary: 'List the partnerships the caller works in (all, for an admin) by name, a page at a time' })
  @ApiOkResponse({ type: PartnershipPage })
  @ApiProblems(400)
  list(@Query() params: PartnershipListParams, @CurrentCaller() caller: Caller): Promise<Page<PartnershipResponse>> {
    return this.queries.execute(new FindPartnershipsQuery(params, caller));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get one partnership with its members and leads (404 for one the caller does not work in)' })
  @ApiOkResponse({ type: PartnershipResponse })
  @ApiProblems(400, 404)
  get(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<PartnershipResponse> {
    return this.queries.execute(new GetPartnershipQuery(id, caller));
  }

  @Post(':id/members')
  @Roles('admin', 'partnership_lead')
  @ApiOperation({
    summary: 'Add a university or council to a partnership (admins, and its leads)',
    description: 'Its academics and practitioners then work in the partnership: they see its opportunities, and its leads may invite more of them. Emits `partnership.member_added`.',
  })
  @ApiCreatedResponse({ type: PartnershipResponse })
  @ApiProblems(400, 404, 409)
  addMember(
    @UuidParam('id') id: string,
    @Body() request: AddPartnershipMemberRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<PartnershipResponse> {
    assertCanSee(caller, id);
    return this.commands.execute(new AddPartnershipMemberCommand(id, request.organisationType, request.organisationId, caller.id));
  }

  @Delete(':id/members/:organisationId')
  @Roles('admin', 'partnership_lead')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a university or council from a partnership (admins, and its leads)',
    description:
      'Its academics and practitioners stop working in the partnership at once (their sign-ins are ended, so they sign in again): ' +
      'they no longer see its opportunities, apply, or post in it, and get no more recommendations from it. ' +
      'What has happened stays: opportunities it hosted, applications, matches and the audit trail. Emits `partnership.member_removed`.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async removeMember(
    @UuidParam('id') id: string,
    @UuidParam('organisationId') organisationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    assertCanSee(caller, id);
    await this.commands.execute(new RemovePartnershipMemberCommand(id, organisationId, caller.id));
  }

  @Post(':id/leads')
  @Roles('admin')
  @ApiOperation({ summary: 'Appoint a partnership lead (a user whose role is partnership_lead)', description: 'Emits `partnership.lead_appointed`.' })
  @ApiCreatedResponse({ type: PartnershipResponse })
  @ApiProblems(400, 404, 409)
  appointLead(
    @UuidParam('id') id: string,
    @Body() request: AppointLeadRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<PartnershipResponse> {
    return this.commands.execute(new AppointLeadCommand(id, request.userId, caller.id));
  }

  @Delete(':id/leads/:userId')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stand a lead down', description: 'Emits `partnership.lead_removed`.' })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async removeLead(
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.commands.execute(new RemoveLeadCommand(id, userId, caller.id));
  }

  @Get(':id/settings')
  @ApiOperation({ summary: "The partnership's settings, for everyone who works in it" })
  @ApiOkResponse({ type: PartnershipSettings })
  @ApiProblems(400, 404)
  settings(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<PartnershipSettings> {
    return this.queries.execute(new GetPartnershipSettingsQuery(id, caller));
  }

  @Patch(':id/settings')
  @ApiOperation({
    summary: "Change some of the partnership's settings (its leads and admins); those left out stay as they are",
    description: 'Emits `partnership.settings_changed` when a value changes.',
  })
  @ApiOkResponse({ type: PartnershipSettings })
  @ApiProblems(400, 403, 404)
  changeSettings(
    @UuidParam('id') id: string,
    @Body() request: ChangePartnershipSettingsRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<PartnershipSettings> {
    return this.commands.execute(new ChangePartnershipSettingsCommand(id, request, caller));
  }
}

/** Another partnership's records are not found, whether or not they exist. */
function assertCanSee(caller: Caller, partnershipId: string): void {
  if (!canSeePartnership(caller, partnershipId)) throw new NotFoundException(`No partnership has id ${partnershipId}.`);
}
