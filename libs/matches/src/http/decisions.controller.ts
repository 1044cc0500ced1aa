import { Controller, ForbiddenException, Get, NotFoundException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiProblems, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, canSeePartnership, CurrentCaller, isAdmin } from '#libs/identity';
import { canChange, visibleOpportunity } from '#libs/opportunities';
import { opportunityDecisions, partnershipDecisions } from '../persistence/decisions.read.js';
import { OpportunityDecisions, PartnershipDecisions } from './decisions.dto.js';

/** What there is to decide, read in one call each: a lead's page should not need one call a record. */
@ApiTags('matches')
@ApiSignedIn()
@Controller()
export class DecisionsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('partnerships/:id/decisions')
  @ApiOperation({
    summary: "What waits for the partnership's leads: proposed matches, applications without a match, opportunities closing with places left",
    description: 'For its leads and admins. Each list is oldest (or closing soonest) first, at most 50 long; `counts` says how long each is in full.',
  })
  @ApiOkResponse({ type: PartnershipDecisions })
  @ApiProblems(400, [403, "Only the partnership's leads see what waits for them."], 404)
  async forPartnership(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<PartnershipDecisions> {
    const exists = canSeePartnership(caller, id) && (await this.dataSource.query<unknown[]>('SELECT 1 FROM partnerships WHERE id = $1', [id])).length > 0;
    if (!exists) throw new NotFoundException(`No partnership has id ${id}.`);
    if (!isAdmin(caller) && caller.role !== 'partnership_lead') throw new ForbiddenException("Only the partnership's leads see what waits for them.");
    return partnershipDecisions(this.dataSource.manager, id);
  }

  @Get('opportunities/:id/decisions')
  @ApiOperation({
    summary: "An opportunity's places, its applications (each with the match made from it) and its matches, with who each is about",
    description: "For the opportunity's hosts and the partnership's leads.",
  })
  @ApiOkResponse({ type: OpportunityDecisions })
  @ApiProblems(400, [403, "Only the opportunity's hosts and the partnership's leads see its applications and matches."], 404)
  async forOpportunity(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<OpportunityDecisions> {
    const opportunity = await visibleOpportunity(this.dataSource.manager, caller, id);
    if (!canChange(caller, opportunity)) throw new ForbiddenException("Only the opportunity's hosts and the partnership's leads see its applications and matches.");
    return opportunityDecisions(this.dataSource.manager, id);
  }
}
