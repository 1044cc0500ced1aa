import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, type Page } from '#libs/http';
import { AddPartnershipMemberCommand, RemovePartnershipMemberCommand } from './change-partnership-members.command.js';
import { FormPartnershipCommand } from './form-partnership.command.js';
import {
  AddPartnershipMemberRequest,
  FormPartnershipRequest,
  PartnershipListParams,
  PartnershipPage,
  PartnershipResponse,
} from './partnership.dto.js';
import { FindPartnershipsQuery, GetPartnershipQuery } from './partnership.queries.js';

@ApiTags('partnerships')
@Controller('partnerships')
export class PartnershipsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Form a partnership, optionally with its first members', description: 'Emits `partnership.formed` and a `partnership.member_added` per member.' })
  @ApiCreatedResponse({ type: PartnershipResponse })
  @ApiProblems(400, 404, 409)
  form(@Body() request: FormPartnershipRequest): Promise<PartnershipResponse> {
    return this.commands.execute(new FormPartnershipCommand(request));
  }

  @Get()
  @ApiOperation({ summary: 'List partnerships by name, a page at a time, or those an organisation belongs to' })
  @ApiOkResponse({ type: PartnershipPage })
  @ApiProblems(400)
  list(@Query() params: PartnershipListParams): Promise<Page<PartnershipResponse>> {
    return this.queries.execute(new FindPartnershipsQuery(params));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get one partnership with its members' })
  @ApiOkResponse({ type: PartnershipResponse })
  @ApiProblems(400, 404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PartnershipResponse> {
    return this.queries.execute(new GetPartnershipQuery(id));
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'Add a university or council to a partnership', description: 'Emits `partnership.member_added`.' })
  @ApiCreatedResponse({ type: PartnershipResponse })
  @ApiProblems(400, 404, 409)
  addMember(@Param('id', ParseUUIDPipe) id: string, @Body() request: AddPartnershipMemberRequest): Promise<PartnershipResponse> {
    return this.commands.execute(new AddPartnershipMemberCommand(id, request.organisationType, request.organisationId));
  }

  @Delete(':id/members/:organisationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a university or council from a partnership', description: 'Emits `partnership.member_removed`.' })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async removeMember(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('organisationId', ParseUUIDPipe) organisationId: string,
  ): Promise<void> {
    await this.commands.execute(new RemovePartnershipMemberCommand(id, organisationId));
  }
}
