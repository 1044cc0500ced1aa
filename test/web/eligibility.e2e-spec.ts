import { jest } from '@jest/globals';
import { opportunityRequest } from '#libs/testing';
import { personWith } from '../support/people.js';
import { on } from './pages/page-object.js';
import { ProfileTaskListPage } from './pages/profile-pages.js';
import { ForbiddenPage, NotFoundPage, OpportunityPage, PractitionerHomePage, SignInPage } from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

jest.setTimeout(180_000);

describe("an opportunity's page says whether the practitioner may apply, in Chromium", () => {
  let web: WebStack;
  let world: World;

  async function published(overrides: Record<string, unknown> = {}, partnershipId = world.partnershipId, academic = world.academic): Promise<string> {
    const id = (await academic.http.post('/api/opportunities').send(opportunityRequest(partnershipId, overrides)).expect(201)).body.id;
    await academic.http.post(`/api/opportunities/${id}/publish`).send({}).expect(200);
    return id;
  }
  async function signedIn(person: { email: string }, options: { javaScript?: boolean } = {}) {
    const page = await web.newPage(options);
    await (await SignInPage.open(page)).signInAs(person as World['practitioner']);
    return page;
  }
  async function opportunityPage(page: Awaited<ReturnType<typeof signedIn>>, id: string) {
    await page.goto(`/opportunities/${id}`);
    return on(OpportunityPage, page);
  }

  beforeAll(async () => {
    web = await WebStack.start();
    // The practitioner is a senior practitioner at PEPS stage 1.
    world = await web.world();
  });
  afterAll(() => web.close());

  it('says "You’re eligible" beside the Apply button when the practitioner suits it', async () => {
    const page = await signedIn(world.practitioner);
    await on(PractitionerHomePage, page);
    const opportunity = await opportunityPage(page, await published({ title: 'Open lecture', minimumCareerStage: 'social_worker' }));
    expect(await opportunity.eligibility()).toBe('You’re eligible. Your profile meets what this opportunity asks for.');
    expect(await opportunity.hasApplyButton()).toBe(true);
  });

  it('says in plain words why not, with no Apply button, and links to the profile when it is what falls short', async () => {
    const page = await signedIn(world.practitioner);
    await on(PractitionerHomePage, page);
    const senior = await opportunityPage(page, await published({ title: 'For principals', minimumCareerStage: 'principal_social_worker' }));
    expect(await senior.eligibility()).toBe(
      '! Warning You cannot apply for this opportunity It is for practitioners at “Principal social worker” or a later career stage, and your profile says you are at an earlier one. If your profile is out of date, update your profile.',
    );
    expect(await senior.hasApplyButton()).toBe(false);
    expect(await page.getByRole('link', { name: 'update your profile' }).getAttribute('href')).toBe('/profile');

    const educator = await opportunityPage(page, await published({ title: 'Placement', type: 'practice_educator', pepsStage: 2 }));
    expect(await educator.eligibility()).toContain('It needs a practice educator at PEPS stage 2 or above');
    expect(await educator.hasApplyButton()).toBe(false);

    const closedId = await published({ title: 'Closed lecture' });
    await world.academic.http.post(`/api/opportunities/${closedId}/close`).expect(200);
    const closed = await opportunityPage(page, closedId);
    expect(await closed.eligibility()).toContain('It is not taking applications');
    expect(await closed.hasApplyButton()).toBe(false);
  });

  it('sends a practitioner with no profile to complete it, with JavaScript off', async () => {
    const newcomer = await personWith(web.api, web.admin, 'practitioner', { councilId: world.councilId });
    const id = await published({ title: 'Any practitioner' });
    const page = await signedIn(newcomer, { javaScript: false });
    await on(PractitionerHomePage, page);
    const opportunity = await opportunityPage(page, id);
    expect(await opportunity.eligibility()).toContain('You have not saved your profile yet');
    expect(await opportunity.hasApplyButton()).toBe(false);
    await page.getByRole('link', { name: 'Complete your profile' }).click();
    await on(ProfileTaskListPage, page);
    // The same page with JavaScript on, for axe.
    const checked = await signedIn(newcomer);
    await on(PractitionerHomePage, checked);
    await opportunityPage(checked, id);
  });

  it("shows another partnership's opportunity as not found, and the page to other roles as not for them", async () => {
    const other = await web.world({ university: 'University of Essex', council: 'Essex County Council', partnership: 'Essex Teaching Partnership' });
    const elsewhere = await published({ title: 'Elsewhere' }, other.partnershipId, other.academic);
    const page = await signedIn(world.practitioner);
    await on(PractitionerHomePage, page);
    await page.goto(`/opportunities/${elsewhere}`);
    await on(NotFoundPage, page);

    const lead = await signedIn(world.lead);
    await lead.waitForURL('**/home');
    await lead.goto(`/opportunities/${await published({ title: 'Lead looks' })}`);
    await on(ForbiddenPage, lead);
  });
});
