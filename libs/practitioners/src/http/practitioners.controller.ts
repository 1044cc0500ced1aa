import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller, Roles } from '#libs/identity';
import { AddSpecialismCommand } from '../commands/add-specialism/add-specialism.command.js';
import { UpdateProfileCommand } from '../commands/update-profile/update-profile.command.js';
import { MyProfileQuery } from '../queries/my-profile/my-profile.query.js';
import { SpecialismsQuery } from '../queries/specialisms/specialisms.query.js';
import { AddSpecialismRequest, PractitionerProfileRequest, PractitionerProfileResponse, SpecialismResponse } from './profile.dto.js';

@ApiTags('practitioners')
@ApiSignedIn()
@Controller()
export class PractitionersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('me/profile')
  @Roles('practitioner')
  @ApiOperation({ summary: 'The signed-in practitioner\'s profile (404 until they first save one)' })
  @ApiOkResponse({ type: PractitionerProfileResponse })
  @ApiProblems(404)
  profile(@CurrentCaller() caller: Caller): Promise<PractitionerProfileResponse> {
    return this.queries.execute(new MyProfileQuery(caller));
  }

  @Put('me/profile')
  @Roles('practitioner')
  @ApiOperation({ summary: 'Save the signed-in practitioner\'s profile, whole', description: 'Emits `practitioner.profile_updated`.' })
  @ApiOkResponse({ type: PractitionerProfileResponse })
  @ApiProblems(400)
  save(@Body() request: PractitionerProfileRequest, @CurrentCaller() caller: Caller): Promise<PractitionerProfileResponse> {
    return this.commands.execute(new UpdateProfileCommand(request, caller));
  }

  @Get('specialisms')
  @ApiOperation({ summary: 'The specialisms the caller may use: the shared ones and their partnerships\' own' })
  @ApiOkResponse({ type: [SpecialismResponse] })
  specialisms(@CurrentCaller() caller: Caller): Promise<SpecialismResponse[]> {
    return this.queries.execute(new SpecialismsQuery(caller));
  }

  @Post('partnerships/:id/specialisms')
  @Roles('partnership_lead', 'admin')
  @ApiOperation({ summary: "Add a specialism to a partnership's vocabulary", description: 'Emits `specialism.added`.' })
  @ApiCreatedResponse({ type: SpecialismResponse })
  @ApiProblems(400, 404, 409)
  addSpecialism(
    @UuidParam('id') partnershipId: string,
    @Body() request: AddSpecialismRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<SpecialismResponse> {
    return this.commands.execute(new AddSpecialismCommand(partnershipId, request, caller));
  }
}
