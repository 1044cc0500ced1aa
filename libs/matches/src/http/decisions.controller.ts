import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, UuidParam } from '#libs/http';
import { ApiSignedIn, type Caller, CurrentCaller } from '#libs/identity';
import { OpportunityDecisionsQuery } from '../queries/opportunity-decisions/opportunity-decisions.query.js';
import { PartnershipDecisionsQuery } from '../queries/partnership-decisions/partnership-decisions.query.js';
import { OpportunityDecisions, PartnershipDecisions } from './decisions.dto.js';

/** What there is to decide, read in one call each: a lead's page should not need one call a record. */
@ApiTags('matches')
@ApiSignedIn()
@Controller()
export class DecisionsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('partnerships/:id/decisions')
  @ApiOperation({
    summary: "What waits for the partnership's leads: proposed matches, applications without a match, opportunities closing with places left",
    description: 'For its leads and admins. Each list is oldest (or closing soonest) first, at most 50 long; `counts` says how long each is in full.',
  })
  @ApiOkResponse({ type: PartnershipDecisions })
  @ApiProblems(400, [403, "Only the partnership's leads see what waits for them."], 404)
  forPartnership(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<PartnershipDecisions> {
    return this.queries.execute(new PartnershipDecisionsQuery(id, caller));
  }

  @Get('opportunities/:id/decisions')
  @ApiOperation({
    summary: "An opportunity's places, its applications (each with the match made from it) and its matches, with who each is about",
    description: "For the opportunity's hosts and the partnership's leads.",
  })
  @ApiOkResponse({ type: OpportunityDecisions })
  @ApiProblems(400, [403, "Only the opportunity's hosts and the partnership's leads see its applications and matches."], 404)
  forOpportunity(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<OpportunityDecisions> {
    return this.queries.execute(new OpportunityDecisionsQuery(id, caller));
  }
}
