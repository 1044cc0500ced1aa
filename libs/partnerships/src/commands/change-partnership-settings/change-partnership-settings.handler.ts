import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { domainEvent, transactionWithEvents } from '#libs/events';
import { InvalidRequestException } from '#libs/http';
import { canSeePartnership, isAdmin } from '#libs/identity';
import { type PartnershipSettings, SETTING_NAMES } from '../../http/partnership-settings.dto.js';
import { toPartnershipSettings } from '../../http/partnership.mapper.js';
import { lockPartnership } from '../../persistence/lock-partnership.js';
import { ChangePartnershipSettingsCommand } from './change-partnership-settings.command.js';

@CommandHandler(ChangePartnershipSettingsCommand)
export class ChangePartnershipSettingsHandler implements ICommandHandler<ChangePartnershipSettingsCommand> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ partnershipId, changes, caller }: ChangePartnershipSettingsCommand): Promise<PartnershipSettings> {
    const named = SETTING_NAMES.filter((name) => changes[name] !== undefined);
    if (named.length === 0) throw new InvalidRequestException([{ field: '(body)', messages: [`name at least one of ${SETTING_NAMES.join(', ')}`] }]);
    if (!canSeePartnership(caller, partnershipId)) throw new NotFoundException(`No partnership has id ${partnershipId}.`);
    if (!isAdmin(caller) && caller.role !== 'partnership_lead') throw new ForbiddenException("Only the partnership's leads change its settings.");

    return transactionWithEvents(this.dataSource, async (transaction) => {
      const partnership = await lockPartnership(transaction, partnershipId);
      const changed = named.filter((name) => partnership[name] !== changes[name]);
      // Saying again what is already so changes nothing, so it leaves nothing in the audit trail.
      if (changed.length === 0) return { result: toPartnershipSettings(partnership), events: [] };
      for (const name of changed) partnership[name] = changes[name]!;
      await transaction.save(partnership);
      const settings = toPartnershipSettings(partnership);
      const event = domainEvent('partnership.settings_changed', {
        aggregateId: partnershipId,
        partnershipId,
        actorId: caller.id,
        payload: { partnershipId, changed, settings },
      });
      return { result: settings, events: [event] };
    });
  }
}
