import { Controller, HttpCode, Param, ParseEnumPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#libs/http';
import { ApiSignedIn, Roles } from '#libs/identity';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '#libs/mail-contract';
import { RequestDigestRunCommand } from '../commands/request-digest-run/request-digest-run.command.js';
import { DigestRunQueued } from './subscription.dto.js';

@ApiTags('subscriptions')
@ApiSignedIn()
@Controller('admin/digests')
export class DigestRequestsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':frequency')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Run the daily or weekly digest now',
    description: 'Each confirmed subscriber still gets at most one digest per period (a day, or a week from Monday), whatever runs.',
  })
  @ApiParam({ name: 'frequency', schema: { type: 'string', enum: [...DIGEST_FREQUENCIES], example: 'daily' }, example: 'daily' })
  @ApiAcceptedResponse({ description: 'The run is queued for the notification worker.', type: DigestRunQueued })
  @ApiProblems(400, 403)
  run(@Param('frequency', new ParseEnumPipe(Object.fromEntries(DIGEST_FREQUENCIES.map((f) => [f, f])))) frequency: DigestFrequency): Promise<DigestRunQueued> {
    return this.commands.execute(new RequestDigestRunCommand(frequency));
  }
}
