import { jest } from '@jest/globals';
import { inDays, opportunityRequest } from '#libs/testing';
import { on } from './pages/page-object.js';
import { FindOpportunitiesPage, PractitionerHomePage, SignInPage } from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

jest.setTimeout(180_000);

describe('finding opportunities online or in person, in Chromium', () => {
  let web: WebStack;
  let world: World;

  async function published(title: string, sessions: Record<string, string>[]): Promise<void> {
    const id = (await world.academic.http.post('/api/opportunities').send(opportunityRequest(world.partnershipId, { title, sessions })).expect(201)).body.id;
    await world.academic.http.post(`/api/opportunities/${id}/publish`).send({}).expect(200);
  }
  async function findPage(javaScript = true) {
    const page = await web.newPage({ javaScript });
    await (await SignInPage.open(page)).signInAs(world.practitioner);
    await on(PractitionerHomePage, page);
    return { page, find: await FindOpportunitiesPage.open(page) };
  }
  const selectedFilters = (page: FindOpportunitiesPage['page']) =>
    page.locator('.moj-filter__selected .moj-filter__tag').allInnerTexts().then((tags) => tags.map((tag) => tag.replace(/Remove this filter/, '').trim()));

  beforeAll(async () => {
    web = await WebStack.start();
    world = await web.world();
    await published('Online lecture', [{ startsAt: inDays(30), endsAt: inDays(30, 12), onlineLink: 'https://meet.example.org/lecture' }]);
    await published('Lecture at County Hall', [{ startsAt: inDays(31), endsAt: inDays(31, 12), place: 'County Hall' }]);
    await published('Seminar, in the room or online', [
      { startsAt: inDays(32), endsAt: inDays(32, 12), place: 'UEA' },
      { startsAt: inDays(33), endsAt: inDays(33, 12), onlineLink: 'https://meet.example.org/seminar' },
    ]);
  });
  afterAll(() => web.close());

  it('narrows the results to online or in person, shows the choice among the selected filters, and removes it from there', async () => {
    const { page, find } = await findPage();
    expect(await find.resultTitles()).toEqual(['Online lecture', 'Lecture at County Hall', 'Seminar, in the room or online']);

    await page.getByLabel('Online', { exact: true }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await find.verify();
    expect(await find.resultTitles()).toEqual(['Online lecture', 'Seminar, in the room or online']);
    expect(await selectedFilters(page)).toEqual(['Online']);
    expect(await page.getByLabel('Online', { exact: true }).isChecked()).toBe(true);
    // Alerts filter by type, specialism and organisation only: the alert offered leaves the format out.
    expect(await page.getByRole('link', { name: 'Get email about new opportunities like these' }).getAttribute('href')).toBe('/alerts/new');

    await page.getByLabel('In person').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await find.verify();
    expect(await find.resultTitles()).toEqual(['Online lecture', 'Lecture at County Hall', 'Seminar, in the room or online']);
    expect(await selectedFilters(page)).toEqual(['Online', 'In person']);

    await page.getByRole('link', { name: /Remove this filter\s+Online/ }).click();
    await find.verify();
    expect(await find.resultTitles()).toEqual(['Lecture at County Hall', 'Seminar, in the room or online']);
    expect(await selectedFilters(page)).toEqual(['In person']);
    expect(await page.getByLabel('Online', { exact: true }).isChecked()).toBe(false);
    expect(await page.getByLabel('In person').isChecked()).toBe(true);

    await page.getByRole('link', { name: /Remove this filter\s+In person/ }).click();
    await find.verify();
    expect(await find.resultTitles()).toHaveLength(3);
    expect(await selectedFilters(page)).toEqual([]);
  });

  it('works with JavaScript off', async () => {
    const { page, find } = await findPage(false);
    await page.getByLabel('In person').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await find.verify();
    expect(await find.resultTitles()).toEqual(['Lecture at County Hall', 'Seminar, in the room or online']);
    expect(new URL(page.url()).searchParams.getAll('format')).toEqual(['in_person']);
  });
});
