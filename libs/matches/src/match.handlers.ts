import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Application } from '#libs/applications';
import { conflictOnDuplicate } from '#libs/database';
import { transactionWithEvents } from '#libs/events';
import { type Caller, isAdmin } from '#libs/identity';
import { type Opportunity, opportunityEvent, visibleOpportunity } from '#libs/opportunities';
import { academicsMayProposeMatches } from '#libs/partnerships';
import { DecideMatchCommand, ProposeMatchCommand } from './match.commands.js';
import type { MatchResponse } from './match.dto.js';
import { Match } from './match.entity.js';
import { matchEvent, toMatchResponse } from './match.mapper.js';

const isLeadOf = (caller: Caller, opportunity: Opportunity) =>
  isAdmin(caller) || (caller.role === 'partnership_lead' && caller.partnershipIds.includes(opportunity.partnershipId));

/** Matches are decided by the partnership's leads (and admins); hosts see them but do not decide. */
function assertMayDecide(caller: Caller, opportunity: Opportunity): void {
  if (!isLeadOf(caller, opportunity)) throw new ForbiddenException("Only the partnership's leads decide matches.");
}

/** The leads propose; so do the host university's academics when the partnership lets them. */
async function assertMayPropose(transaction: EntityManager, caller: Caller, opportunity: Opportunity): Promise<void> {
  if (isLeadOf(caller, opportunity)) return;
  const isHostAcademic = caller.role === 'academic' && caller.universityId !== null && caller.universityId === opportunity.hostUniversityId;
  if (isHostAcademic && (await academicsMayProposeMatches(transaction, opportunity.partnershipId))) return;
  throw new ForbiddenException(
    isHostAcademic
      ? "This partnership lets only its leads propose matches; a lead can let host academics propose them in the partnership's settings."
      : "Only the partnership's leads, and the host university's academics where the partnership allows it, propose matches.",
  );
}

@CommandHandler(ProposeMatchCommand)
export class ProposeMatchHandler implements ICommandHandler<ProposeMatchCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ applicationId, caller }: ProposeMatchCommand): Promise<MatchResponse> {
    return conflictOnDuplicate('matches_one_live_per_practitioner', 'This practitioner is already proposed or approved for this opportunity.', () =>
      transactionWithEvents(this.dataSource, async (transaction) => {
        const application = await transaction.findOneBy(Application, { id: applicationId });
        if (!application) throw new NotFoundException(`No application has id ${applicationId}.`);
        const opportunity = await visibleOpportunity(transaction, caller, application.opportunityId).catch(() => {
          throw new NotFoundException(`No application has id ${applicationId}.`);
        });
        await assertMayPropose(transaction, caller, opportunity);
        if (application.status !== 'submitted') throw new ConflictException(`The application is ${application.status}.`);
        const match = await transaction.save(
          transaction.create(Match, {
            opportunityId: application.opportunityId,
            practitionerId: application.practitionerId,
            applicationId,
            status: 'proposed',
            proposedBy: caller.id,
          }),
        );
        return { result: toMatchResponse(match), events: [matchEvent('match.proposed', match, opportunity.partnershipId, caller.id)] };
      }),
    );
  }
}

@CommandHandler(DecideMatchCommand)
export class DecideMatchHandler implements ICommandHandler<DecideMatchCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ matchId, decision, caller, note }: DecideMatchCommand): Promise<MatchResponse> {
    return transactionWithEvents(this.dataSource, async (transaction) => {
      const match = await transaction.findOneBy(Match, { id: matchId });
      if (!match) throw new NotFoundException(`No match has id ${matchId}.`);
      // Locking the opportunity puts approvals for it in single file: the count of places taken cannot race.
      const opportunity = await visibleOpportunity(transaction, caller, match.opportunityId, 'pessimistic_write').catch(() => {
        throw new NotFoundException(`No match has id ${matchId}.`);
      });
      assertMayDecide(caller, opportunity);
      const current = await transaction.findOneByOrFail(Match, { id: matchId });
      if (current.status !== 'proposed') throw new ConflictException(`The match is ${current.status} already.`);

      const events = [];
      if (decision === 'approve') events.push(...(await this.takePlace(transaction, opportunity, caller)));
      Object.assign(current, { status: decision === 'approve' ? 'approved' : 'rejected', decidedBy: caller.id, decidedAt: new Date(), note: note ?? null });
      const saved = await transaction.save(current);
      events.unshift(matchEvent(decision === 'approve' ? 'match.approved' : 'match.rejected', saved, opportunity.partnershipId, caller.id));
      return { result: toMatchResponse(saved), events };
    });
  }

  /** Takes one place, or refuses when none is left; the last place fills the opportunity. */
  private async takePlace(transaction: EntityManager, opportunity: Opportunity, caller: Caller) {
    if (!['published', 'closed'].includes(opportunity.status)) {
      throw new ConflictException(`The opportunity is ${opportunity.status}: no places can be taken.`);
    }
    const approved = await transaction.countBy(Match, { opportunityId: opportunity.id, status: 'approved' });
    if (approved >= opportunity.capacity) throw new ConflictException(`All ${opportunity.capacity} places are taken.`);
    if (approved + 1 < opportunity.capacity) return [];
    opportunity.status = 'filled';
    await transaction.save(opportunity);
    return [opportunityEvent('filled', opportunity, caller.id)];
  }
}
