/// <reference lib="dom" />
import { jest } from '@jest/globals';
import { type Person, personWith } from '../support/people.js';
import { on } from './pages/page-object.js';
import {
  AvailabilityPage,
  CareerPage,
  CheckProfilePage,
  DatesAwayPage,
  FormatsPage,
  PracticeEducatorPage,
  ProfileTaskListPage,
  SpecialismsPage,
} from './pages/profile-pages.js';
import { PractitionerHomePage, SignInPage } from './pages/service-pages.js';
import { type World, WebStack } from './web-stack.js';

jest.setTimeout(180_000);

describe('a practitioner keeps their profile, in Chromium', () => {
  let web: WebStack;
  let world: World;
  let newcomer: Person;

  beforeAll(async () => {
    web = await WebStack.start();
    world = await web.world();
    newcomer = await personWith(web.api, web.admin, 'practitioner', { councilId: world.councilId });
  });
  afterAll(() => web.close());

  async function signedIn(person: Person, options: { javaScript?: boolean } = {}) {
    const page = await web.newPage(options);
    await (await SignInPage.open(page)).signInAs(person);
    await on(PractitionerHomePage, page);
    return page;
  }

  it('fills in every section of the task list, checks the answers and saves', async () => {
    const page = await signedIn(newcomer);
    await page.getByRole('link', { name: 'Complete your profile' }).click();
    const tasks = await on(ProfileTaskListPage, page);
    expect(await tasks.statuses()).toEqual([
      'Career stage and experience Incomplete',
      'Specialisms Incomplete',
      'Practice educator stage Incomplete',
      'Availability Incomplete',
      'How and how often Incomplete',
    ]);

    await page.getByRole('link', { name: 'Career stage and experience' }).click();
    const career = await on(CareerPage, page);
    await page.getByLabel('How many years have you been qualified? (optional)').fill('many');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await career.verify();
    expect(await career.errorSummary()).toEqual(['Select your career stage', 'Years qualified must be a whole number from 0 to 60']);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel('How many years have you been qualified? (optional)').inputValue()).toBe('many');
    await page.getByLabel('Senior practitioner').check();
    await page.getByLabel('How many years have you been qualified? (optional)').fill('7');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    expect((await (await on(ProfileTaskListPage, page)).statuses())[0]).toBe('Career stage and experience Completed');

    await page.getByRole('link', { name: 'Specialisms' }).click();
    await on(SpecialismsPage, page);
    await page.getByLabel('Child protection').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await on(ProfileTaskListPage, page);

    await page.getByRole('link', { name: 'Practice educator stage' }).click();
    const peps = await on(PracticeEducatorPage, page);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await peps.verify();
    expect(await peps.errorSummary()).toEqual(['Select your practice educator stage']);
    await page.getByLabel('Stage 2').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await on(ProfileTaskListPage, page);

    await page.getByRole('link', { name: 'Availability' }).click();
    await on(AvailabilityPage, page);
    await page.getByLabel('Tuesday').check();
    await page.getByLabel('Thursday').check();
    await page.getByRole('button', { name: 'Add or remove dates away' }).click();
    const away = await on(DatesAwayPage, page);
    await page.getByRole('group', { name: 'First day away' }).getByLabel('Day').fill('30');
    await page.getByRole('group', { name: 'First day away' }).getByLabel('Month').fill('2');
    await page.getByRole('group', { name: 'First day away' }).getByLabel('Year').fill('2027');
    await page.getByRole('button', { name: 'Add these dates' }).click();
    await away.verify();
    expect(await away.errorSummary()).toEqual(['The first day away must be a real date', 'The last day away must be a real date']);
    for (const [group, day] of [['First day away', '21'], ['Last day away', '3']] as const) {
      await page.getByRole('group', { name: group }).getByLabel('Day').fill(day);
      await page.getByRole('group', { name: group }).getByLabel('Month').fill(group === 'First day away' ? '12' : '1');
      await page.getByRole('group', { name: group }).getByLabel('Year').fill(group === 'First day away' ? '2026' : '2027');
    }
    await page.getByRole('button', { name: 'Add these dates' }).click();
    await away.verify();
    expect(await away.periods()).toEqual(['Monday 21 December 2026 to Sunday 3 January 2027']);
    await page.getByRole('link', { name: 'Back to the days you can give' }).click();
    await on(AvailabilityPage, page);
    // The days ticked before going to the dates away were kept.
    expect(await page.getByLabel('Tuesday').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await on(ProfileTaskListPage, page);

    await page.getByRole('link', { name: 'How and how often' }).click();
    const formats = await on(FormatsPage, page);
    await page.getByLabel('Online').check();
    await page.getByLabel('How many opportunities could you take on in a term, at most?').fill('30');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await formats.verify();
    expect(await formats.errorSummary()).toEqual(['Enter a whole number from 0 to 20']);
    await page.getByLabel('How many opportunities could you take on in a term, at most?').fill('2');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    const check = await on(CheckProfilePage, page);
    expect(await check.answers()).toMatchObject({
      'Career stage': 'Senior practitioner',
      'Years qualified': '7',
      Specialisms: 'Child protection',
      'Practice educator stage': 'PEPS stage 2',
      'Days you can give': 'Tuesday, Thursday',
      'Dates away': '21 December 2026 to 3 January 2027',
      'How you can take part': 'Online',
      'Most opportunities a term': '2',
    });
    await page.getByRole('button', { name: 'Save your profile' }).click();
    const home = await on(PractitionerHomePage, page);
    expect(await home.banner()).toBe('Your profile has been saved');

    const saved = (await newcomer.http.get('/api/me/profile').expect(200)).body;
    expect(saved).toMatchObject({
      careerStage: 'senior_practitioner',
      yearsQualified: 7,
      specialisms: ['child_protection'],
      pepsStage: 2,
      availability: { weekdays: [2, 4], unavailable: [{ from: '2026-12-21', to: '2027-01-03' }] },
      preferredFormats: ['online'],
      maxOpportunitiesPerTerm: 2,
    });
  });

  it('starts from the saved profile, and saves a change with JavaScript off', async () => {
    const page = await signedIn(world.practitioner, { javaScript: false });
    await page.goto('/profile');
    const tasks = await on(ProfileTaskListPage, page);
    expect((await tasks.statuses()).every((status) => status.endsWith('Completed'))).toBe(true);
    await page.getByRole('link', { name: 'Practice educator stage' }).click();
    await on(PracticeEducatorPage, page);
    await page.getByLabel('Stage 2').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await on(CheckProfilePage, page);
    await page.getByRole('button', { name: 'Save your profile' }).click();
    await on(PractitionerHomePage, page);
    expect((await world.practitioner.http.get('/api/me/profile').expect(200)).body.pepsStage).toBe(2);
  });
});
