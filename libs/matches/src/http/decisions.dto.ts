import { ApiProperty } from '@nestjs/swagger';
import { ApplicationResponse } from '#libs/applications';
import { OPPORTUNITY_STATUSES, OPPORTUNITY_TYPES, type OpportunityStatus, type OpportunityType } from '#libs/opportunities';
import { PractitionerSummary } from '#libs/practitioners';
import { MATCH_STATUSES, type MatchStatus } from '../domain/match.js';
import { MatchResponse } from './match.dto.js';

/** An opportunity with its places: how many are taken (approved) and how many proposed. */
export class OpportunityPlaces {
  @ApiProperty({ example: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '5b0c7f6e-2d1a-4c9b-8e3f-1a2b3c4d5e6f', format: 'uuid' })
  partnershipId!: string;

  @ApiProperty({ example: 'Lecture: assessing risk in child protection' })
  title!: string;

  @ApiProperty({ example: 'teaching', enum: OPPORTUNITY_TYPES })
  type!: OpportunityType;

  @ApiProperty({ example: 'published', enum: OPPORTUNITY_STATUSES })
  status!: OpportunityStatus;

  @ApiProperty({ example: 3 })
  capacity!: number;

  @ApiProperty({ example: 1, description: 'Approved matches: the places taken.' })
  approved!: number;

  @ApiProperty({ example: 2, description: 'Matches proposed and waiting for a decision.' })
  proposed!: number;

  @ApiProperty({ example: '2027-05-31T17:00:00.000+01:00', format: 'date-time' })
  closesAt!: string;

  @ApiProperty({ example: '2027-06-14T10:00:00.000+01:00', format: 'date-time' })
  firstSessionAt!: string;
}

export class MatchDetails {
  @ApiProperty({ type: MatchResponse })
  match!: MatchResponse;

  @ApiProperty({ type: PractitionerSummary })
  practitioner!: PractitionerSummary;

  @ApiProperty({ type: OpportunityPlaces })
  opportunity!: OpportunityPlaces;
}

export class ApplicationDetails {
  @ApiProperty({ type: ApplicationResponse })
  application!: ApplicationResponse;

  @ApiProperty({ type: PractitionerSummary })
  practitioner!: PractitionerSummary;

  @ApiProperty({ example: '8f0e4a7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a', format: 'uuid', nullable: true, type: String, description: 'The match made from it, if any.' })
  matchId!: string | null;

  @ApiProperty({ example: 'proposed', enum: MATCH_STATUSES, nullable: true })
  matchStatus!: MatchStatus | null;
}

class DecisionCounts {
  @ApiProperty({ example: 2 })
  proposedMatches!: number;

  @ApiProperty({ example: 5 })
  waitingApplications!: number;

  @ApiProperty({ example: 1 })
  closingSoon!: number;
}

export class WaitingApplication {
  @ApiProperty({ type: ApplicationResponse })
  application!: ApplicationResponse;

  @ApiProperty({ type: PractitionerSummary })
  practitioner!: PractitionerSummary;

  @ApiProperty({ type: OpportunityPlaces })
  opportunity!: OpportunityPlaces;
}

/** What waits for a partnership's leads; each list oldest (or soonest) first, at most 50 long, with its full count. */
export class PartnershipDecisions {
  @ApiProperty({ type: [MatchDetails], description: 'Proposed matches of its open, closed or filled opportunities, waiting for approval or rejection.' })
  proposedMatches!: MatchDetails[];

  @ApiProperty({ type: [WaitingApplication], description: 'Submitted applications to its open or closed opportunities that no match has been made from.' })
  waitingApplications!: WaitingApplication[];

  @ApiProperty({ type: [OpportunityPlaces], description: 'Published opportunities closing within 14 days with fewer approved matches than places.' })
  closingSoon!: OpportunityPlaces[];

  @ApiProperty({ type: DecisionCounts, description: 'How long each list is in full.' })
  counts!: DecisionCounts;
}

/** An opportunity's applications and matches, each with who it is about, for deciding side by side. */
export class OpportunityDecisions {
  @ApiProperty({ type: OpportunityPlaces })
  opportunity!: OpportunityPlaces;

  @ApiProperty({ type: [ApplicationDetails], description: 'Oldest first, withdrawn ones included.' })
  applications!: ApplicationDetails[];

  @ApiProperty({ type: [MatchDetails], description: 'Oldest first, whether made from an application or from a recommendation.' })
  matches!: MatchDetails[];
}
