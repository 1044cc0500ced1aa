import { Controller, Get, Header, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiProblems } from '#libs/http';
import { Public } from '#libs/identity';
import { ConfirmSubscriptionCommand } from '../commands/confirm-subscription/confirm-subscription.command.js';
import { UnsubscribeCommand } from '../commands/unsubscribe/unsubscribe.command.js';
import { CheckConfirmationLinkQuery } from '../queries/check-confirmation-link/check-confirmation-link.query.js';
import { CheckUnsubscribeLinkQuery } from '../queries/check-unsubscribe-link/check-unsubscribe-link.query.js';
import { smallPage } from './pages.js';
import { LinkActionResponse } from './subscription.dto.js';

interface Request {
  headers: Record<string, string | undefined>;
}
interface Reply {
  header(name: string, value: string): Reply;
}

const TOKEN = { name: 'token', description: 'The signed token from the email link.', example: 'eyJwdXJwb3NlIjoidW5zdWJzY3JpYmUifQ.k3Yc0n2n6Wq' };

const confirmationPage = (token: string) =>
  smallPage('Confirm your subscription', 'Confirm that you want email about new opportunities at this address.', {
    action: `/api/subscriptions/confirm/${encodeURIComponent(token)}`,
    button: 'Confirm',
  });
const unsubscribingPage = (token: string) => smallPage('Unsubscribe', 'Stop getting these emails?', { action: `/api/unsubscribe/${encodeURIComponent(token)}`, button: 'Unsubscribe' });

/** The page a person sees on opening a link: one button, which posts it. */
const ApiPage = (page: (token: string) => string) =>
  ApiOkResponse({
    description: 'An HTML page with one button, which posts the same link as a form.',
    content: { 'text/html': { schema: { type: 'string', example: page(TOKEN.example) } } },
  });

/** What a link's POST answers: JSON, or a page for a browser (one that accepts HTML). */
const ApiLinkAction = (title: string, paragraph: string) =>
  ApiOkResponse({
    description: 'JSON; a page when the request accepts text/html (the page\'s button, from a browser).',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(LinkActionResponse) } },
      'text/html': { schema: { type: 'string', example: smallPage(title, paragraph) } },
    },
  });

const CONFIRMED = ['Subscription confirmed', 'You will get email about new opportunities that match what you chose.'] as const;
const UNSUBSCRIBED = ['Unsubscribed', 'You will not get these emails any more.'] as const;

/**
 * The links in emails. GET only shows a page with a button (mail scanners follow links); the POST
 * acts; both check the link first. Unsubscribing by POST is RFC 8058's one-click: mail clients send
 * it with no sign-in. A POST from the page's button (a browser, asking for HTML) gets a page back;
 * anyone else gets JSON.
 */
@ApiTags('subscriptions')
@ApiExtraModels(LinkActionResponse)
@Controller()
@Public()
export class EmailLinksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('subscriptions/confirm/:token')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The page of the link in the confirmation email', description: 'Changes nothing: its button posts the link. A link that was not signed here is a 400.' })
  @ApiParam(TOKEN)
  @ApiPage(confirmationPage)
  @ApiProblems(400)
  async confirmPage(@Param('token') token: string): Promise<string> {
    await this.queries.execute(new CheckConfirmationLinkQuery(token));
    return confirmationPage(token);
  }

  @Post('subscriptions/confirm/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm a subscription (double opt-in; the link in the confirmation email)', description: 'Emits `subscription.confirmed`.' })
  @ApiParam(TOKEN)
  @ApiLinkAction(...CONFIRMED)
  @ApiProblems(400)
  async confirm(@Param('token') token: string, @Req() request: Request, @Res({ passthrough: true }) reply: Reply): Promise<LinkActionResponse | string> {
    await this.commands.execute(new ConfirmSubscriptionCommand(token));
    return answer(request, reply, { status: 'confirmed' }, ...CONFIRMED);
  }

  @Get('unsubscribe/:token')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The page of an email\'s unsubscribe link', description: 'Changes nothing: its button posts the link. A link that was not signed here is a 400.' })
  @ApiParam(TOKEN)
  @ApiPage(unsubscribingPage)
  @ApiProblems(400)
  async unsubscribePage(@Param('token') token: string): Promise<string> {
    await this.queries.execute(new CheckUnsubscribeLinkQuery(token));
    return unsubscribingPage(token);
  }

  @Post('unsubscribe/:token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Unsubscribe at once (RFC 8058 one-click; no sign-in)',
    description: 'The link of an email\'s List-Unsubscribe header. Cancels the subscription, or turns that kind of email off. Repeating it is harmless.',
  })
  @ApiParam(TOKEN)
  @ApiLinkAction(...UNSUBSCRIBED)
  @ApiProblems(400)
  async unsubscribe(@Param('token') token: string, @Req() request: Request, @Res({ passthrough: true }) reply: Reply): Promise<LinkActionResponse | string> {
    await this.commands.execute(new UnsubscribeCommand(token));
    return answer(request, reply, { status: 'unsubscribed' }, ...UNSUBSCRIBED);
  }
}

function answer(request: Request, reply: Reply, json: LinkActionResponse, title: string, paragraph: string): LinkActionResponse | string {
  if (!(request.headers.accept ?? '').includes('text/html')) return json;
  reply.header('content-type', 'text/html; charset=utf-8');
  return smallPage(title, paragraph);
}
