import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Schema } from '#libs/api-contract';
import { Api, type ApiClient, answer } from '../api/api-client.js';
import { ApiProblem } from '../api/api-errors.js';
import { SignedIn } from '../session/signed-in.guard.js';
import { signedInSession } from '../session/web-session.js';
import { managedOpportunity, managePath, type Opportunity, opportunityTabs } from './managed-opportunity.js';
import { uuid } from '../layout/record-id.js';
import { refusalOf } from '../api/api-errors.js';

type Application = Schema<'OpportunityApplicationResponse'>;
type Match = Schema<'OpportunityMatchResponse'>;
type Recommendation = Schema<'OpportunityRecommendationResponse'>;

/**
 * Who applied, who is recommended, who is matched; and proposing a match from an application or a
 * recommendation, confirmed on a page of its own: the one way to propose, from here or from a
 * lead's decisions page (`?from=decisions`, which it returns to).
 */
@Controller('manage/opportunities/:id')
@SignedIn('academic', 'partnership_lead')
export class OpportunityPeopleController {
  constructor(private readonly api: Api) {}

  @Get('applications')
  async applications(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const api = this.api.as(request);
    const { opportunity, hostName } = await managedOpportunity(api, id);
    const [applications, matches, mayPropose] = await Promise.all([
      answer(api.GET('/api/opportunities/{id}/applications', { params: { path: { id } } })),
      answer(api.GET('/api/opportunities/{id}/matches', { params: { path: { id } } })),
      this.mayProposeFromApplications(api, request, opportunity),
    ]);
    return reply.view('manage/views/applications.njk', {
      opportunity,
      hostName,
      tabs: opportunityTabs(opportunity, 'applications'),
      mayPropose,
      applications: applications.map((application) => ({ ...application, match: liveMatchOf(matches, application) })),
    });
  }

  @Get('applications/:applicationId/propose')
  async proposeApplicationPage(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', uuid) id: string,
    @Param('applicationId', uuid) applicationId: string,
    @Query('from') from: unknown,
  ): Promise<unknown> {
    const api = this.api.as(request);
    const { opportunity, hostName } = await managedOpportunity(api, id);
    const proposal = proposing(request, id, `applications/${applicationId}/propose`, from);
    return reply.view('manage/views/propose.njk', { opportunity, hostName, ...proposal, ...(await applicantOf(api, id, applicationId)) });
  }

  @Post('applications/:applicationId/propose')
  async proposeApplication(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', uuid) id: string,
    @Param('applicationId', uuid) applicationId: string,
    @Query('from') from: unknown,
  ): Promise<unknown> {
    const api = this.api.as(request);
    const proposal = proposing(request, id, `applications/${applicationId}/propose`, from);
    const proposed = await api.POST('/api/matches', { body: { applicationId } });
    return this.proposed(request, reply, api, id, proposal, proposed, () => applicantOf(api, id, applicationId));
  }

  @Get('recommendations')
  async recommendations(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const api = this.api.as(request);
    const [{ opportunity, hostName, vocabulary }, recommendations] = await Promise.all([
      managedOpportunity(api, id),
      answer(api.GET('/api/opportunities/{id}/recommendations', { params: { path: { id } } })),
    ]);
    return reply.view('manage/views/recommendations.njk', {
      opportunity,
      hostName,
      tabs: opportunityTabs(opportunity, 'recommendations'),
      // The API takes proposals from recommendations from the partnership's leads only.
      mayPropose: signedInSession(request)!.person.role === 'partnership_lead' && opportunity.status === 'published',
      recommendations: recommendations.map((recommendation) => ({
        ...recommendation,
        specialismNames: recommendation.practitioner.specialisms.map((code) => vocabulary.specialisms.get(code) ?? code),
      })),
    });
  }

  @Get('recommendations/:practitionerId/propose')
  async proposeRecommendationPage(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', uuid) id: string,
    @Param('practitionerId', uuid) practitionerId: string,
    @Query('from') from: unknown,
  ): Promise<unknown> {
    const api = this.api.as(request);
    const { opportunity, hostName } = await managedOpportunity(api, id);
    const proposal = proposing(request, id, `recommendations/${practitionerId}/propose`, from);
    return reply.view('manage/views/propose.njk', { opportunity, hostName, ...proposal, ...(await recommendedOf(api, id, practitionerId)) });
  }

  @Post('recommendations/:practitionerId/propose')
  async proposeRecommendation(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('id', uuid) id: string,
    @Param('practitionerId', uuid) practitionerId: string,
    @Query('from') from: unknown,
  ): Promise<unknown> {
    const api = this.api.as(request);
    const proposal = proposing(request, id, `recommendations/${practitionerId}/propose`, from);
    // Read before proposing: a proposed practitioner is no longer among the recommendations.
    const recommended = await recommendedOf(api, id, practitionerId);
    const proposed = await api.POST('/api/opportunities/{id}/recommendations/{practitionerId}/match', { params: { path: { id, practitionerId } } });
    return this.proposed(request, reply, api, id, proposal, proposed, () => Promise.resolve(recommended));
  }

  @Get('matches')
  async matches(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', uuid) id: string): Promise<unknown> {
    const api = this.api.as(request);
    const [{ opportunity, hostName }, matches] = await Promise.all([
      managedOpportunity(api, id),
      answer(api.GET('/api/opportunities/{id}/matches', { params: { path: { id } } })),
    ]);
    return reply.view('manage/views/matches.njk', { opportunity, hostName, tabs: opportunityTabs(opportunity, 'matches'), matches });
  }

  /** Back where proposing started, with the new match; or the confirmation page again with the API's reason it was refused. */
  private async proposed(
    request: FastifyRequest,
    reply: FastifyReply,
    api: ApiClient,
    id: string,
    proposal: Proposal,
    outcome: { data?: unknown; error?: unknown; response: Response },
    candidate: () => Promise<{ person: { displayName: string } }>,
  ): Promise<unknown> {
    if (outcome.data) {
      const { person } = await candidate();
      request.session.set('flash', { title: 'Match proposed', heading: `${person.displayName} is proposed as a match`, body: proposal.whoDecides });
      return reply.redirect(proposal.done, 303);
    }
    // The API says who may propose (the partnership's setting), and whether this one can be: shown where it was asked.
    if (![400, 403, 409].includes(outcome.response.status)) return answer(Promise.resolve(outcome));
    const [{ opportunity, hostName }, shown] = await Promise.all([managedOpportunity(api, id), candidate()]);
    return reply.code(outcome.response.status).view('manage/views/propose.njk', {
      opportunity,
      hostName,
      ...proposal,
      ...shown,
      errorList: [{ text: refusalOf(outcome.error, 'The match could not be proposed'), href: '#confirm' }],
    });
  }

  /**
   * Whether to offer proposing from applications: the leads always may; the host's academics when
   * the partnership's setting lets them. Only what is shown: the API decides when it is asked.
   */
  private async mayProposeFromApplications(api: ApiClient, request: FastifyRequest, opportunity: Opportunity): Promise<boolean> {
    if (signedInSession(request)!.person.role === 'partnership_lead') return true;
    const settings = await answer(api.GET('/api/partnerships/{id}/settings', { params: { path: { id: opportunity.partnershipId } } }));
    return settings.academicsMayProposeMatches;
  }
}

/** The match an application led to, unless it was rejected (then another may be proposed). */
function liveMatchOf(matches: Match[], application: Application): Match | undefined {
  return matches.find((match) => match.applicationId === application.id && match.status !== 'rejected') ?? matches.find((match) => match.applicationId === application.id);
}

interface Proposal {
  action: string;
  backLink: string;
  done: string;
  /** A lead proposing decides next; anyone else hands the decision to the leads. */
  leadDecides: boolean;
  whoDecides: string;
}

/** Where the confirmation page posts, where Cancel and success go back to, and who decides next. */
function proposing(request: FastifyRequest, id: string, page: string, from: unknown): Proposal {
  const fromDecisions = from === 'decisions';
  const lead = signedInSession(request)!.person.role === 'partnership_lead';
  return {
    action: `${managePath(id, page)}${fromDecisions ? '?from=decisions' : ''}`,
    backLink: fromDecisions ? `/decisions/opportunities/${id}` : managePath(id, page.split('/')[0]),
    done: fromDecisions ? `/decisions/opportunities/${id}#matches` : managePath(id, 'matches'),
    leadDecides: lead,
    whoDecides: lead ? 'Approve or reject it in the list of matches.' : 'A partnership lead will approve or reject it.',
  };
}

async function applicantOf(api: ApiClient, id: string, applicationId: string): Promise<{ person: Application['applicant']; statement: string }> {
  const applications = await answer(api.GET('/api/opportunities/{id}/applications', { params: { path: { id } } }));
  const application = applications.find((candidate) => candidate.id === applicationId);
  if (!application) throw new ApiProblem(404, {});
  return { person: application.applicant, statement: application.statement };
}

async function recommendedOf(
  api: ApiClient,
  id: string,
  practitionerId: string,
): Promise<{ person: Recommendation['practitioner'] & { careerStage: string | null }; reasons: string[]; score: number }> {
  const recommendations = await answer(api.GET('/api/opportunities/{id}/recommendations', { params: { path: { id } } }));
  const recommendation = recommendations.find((candidate) => candidate.practitioner.id === practitionerId);
  if (!recommendation) throw new ApiProblem(404, {});
  return {
    person: recommendation.practitioner,
    reasons: recommendation.reasons,
    score: recommendation.score,
  };
}
