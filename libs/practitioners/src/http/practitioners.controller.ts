import { Body, Controller, Get, NotFoundException, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiProblems, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller, Roles } from '#libs/identity';
import { AddSpecialismCommand } from '../commands/add-specialism/add-specialism.command.js';
import { UpdateProfileCommand } from '../commands/update-profile/update-profile.command.js';
import { PractitionerProfile } from '../persistence/practitioner-profile.entity.js';
import { specialismsFor } from '../persistence/specialisms.read.js';
import { AddSpecialismRequest, PractitionerProfileRequest, PractitionerProfileResponse, SpecialismResponse } from './profile.dto.js';
import { toProfileResponse } from './profile.mapper.js';

@ApiTags('practitioners')
@ApiSignedIn()
@Controller()
export class PractitionersController {
  constructor(
    private readonly commands: CommandBus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('me/profile')
  @Roles('practitioner')
  @ApiOperation({ summary: 'The signed-in practitioner\'s profile (404 until they first save one)' })
  @ApiOkResponse({ type: PractitionerProfileResponse })
  @ApiProblems(404)
  async profile(@CurrentCaller() caller: Caller): Promise<PractitionerProfileResponse> {
    const profile = await this.dataSource.manager.findOneBy(PractitionerProfile, { userId: caller.id });
    if (!profile) throw new NotFoundException('No profile yet: save one with PUT /api/me/profile.');
    return toProfileResponse(profile);
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
  async specialisms(@CurrentCaller() caller: Caller): Promise<SpecialismResponse[]> {
    return (await specialismsFor(this.dataSource.manager, caller)).map(({ code, label, partnershipId }) => ({ code, label, partnershipId }));
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
