import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '#libs/http';
import { Public } from '#libs/identity';
import { smallPage } from './pages.js';
import { SubscriptionsService } from './subscriptions.service.js';

/**
 * The links in emails. GET only shows a page with a button (mail scanners follow links); the POST
 * acts. Unsubscribing by POST is RFC 8058's one-click: mail clients send it with no sign-in.
 */
@ApiTags('subscriptions')
@Controller()
@Public()
export class EmailLinksController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get('subscriptions/confirm/:token')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'A page to confirm a subscription (the link in the confirmation email)' })
  @ApiProduces('text/html')
  confirmPage(@Param('token') token: string): string {
    return smallPage('Confirm your subscription', 'Confirm that you want email about new opportunities at this address.', {
      action: `/api/subscriptions/confirm/${encodeURIComponent(token)}`,
      button: 'Confirm',
    });
  }

  @Post('subscriptions/confirm/:token')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Confirm a subscription (double opt-in)', description: 'Emits `subscription.confirmed`.' })
  @ApiOkResponse({ description: 'A page saying it is confirmed.' })
  @ApiProblems(400)
  async confirm(@Param('token') token: string): Promise<string> {
    await this.subscriptions.confirm(token);
    return smallPage('Subscription confirmed', 'You will get email about new opportunities that match what you chose.');
  }

  @Get('unsubscribe/:token')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'A page to confirm unsubscribing (the link in every email that is not essential)' })
  @ApiProduces('text/html')
  unsubscribePage(@Param('token') token: string): string {
    return smallPage('Unsubscribe', 'Stop getting these emails?', { action: `/api/unsubscribe/${encodeURIComponent(token)}`, button: 'Unsubscribe' });
  }

  @Post('unsubscribe/:token')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Unsubscribe at once (RFC 8058 one-click; no sign-in)' })
  @ApiOkResponse({ description: 'A page saying it is done.' })
  @ApiProblems(400)
  async unsubscribe(@Param('token') token: string): Promise<string> {
    await this.subscriptions.unsubscribe(token);
    return smallPage('Unsubscribed', 'You will not get these emails any more.');
  }
}
