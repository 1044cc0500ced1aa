/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { on, PageObject } from './page-object.js';

export const ADMIN = { email: 'admin@example.org', password: 'development-admin-password' };

/** The rows of a table (or a summary list) as their cells' text, extra spaces taken out. */
async function rowsOf(container: Locator): Promise<string[][]> {
  if ((await container.count()) === 0) return [];
  return container.locator('tbody tr, .govuk-summary-list__row').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('th, td, dt, dd')).map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
  );
}

/** The first cell of each row: what the rows are of. */
async function namesIn(container: Locator): Promise<string[]> {
  return (await rowsOf(container)).map((row) => row[0]!);
}

/** Chooses an item of the admin's service navigation. */
export async function navigateTo(page: Page, item: string): Promise<void> {
  await page.locator('.govuk-service-navigation').getByRole('link', { name: item, exact: true }).click();
}

export class AdminHomePage extends PageObject {
  protected readonly heading = 'Running the service';

  static async open(page: Page): Promise<AdminHomePage> {
    await page.goto('/home');
    return on(AdminHomePage, page);
  }

  count(of: 'universities' | 'councils' | 'partnerships' | 'suppressions'): Promise<string> {
    return this.page.locator(`#count-${of}`).innerText();
  }
}

export class UniversitiesPage extends PageObject {
  protected readonly heading = 'Universities';

  names(): Promise<string[]> {
    return namesIn(this.page.locator('#universities'));
  }
}

export class RegisterUniversityPage extends PageObject {
  protected readonly heading = 'Register a university';

  async fillIn(answers: { name?: string; shortName?: string; website?: string }): Promise<void> {
    if (answers.name !== undefined) await this.page.getByLabel('Name', { exact: true }).fill(answers.name);
    if (answers.shortName !== undefined) await this.page.getByLabel('Short name (optional)').fill(answers.shortName);
    if (answers.website !== undefined) await this.page.getByLabel('Website (optional)').fill(answers.website);
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }
}

export class CheckUniversityPage extends PageObject {
  protected readonly heading = 'Check the university’s details before registering it';

  answers(): Promise<string[][]> {
    return rowsOf(this.page.locator('#answers'));
  }

  register(): Promise<void> {
    return this.page.getByRole('button', { name: 'Register university' }).click();
  }
}

export class CouncilsPage extends PageObject {
  protected readonly heading = 'Councils';

  names(): Promise<string[]> {
    return namesIn(this.page.locator('#councils'));
  }

  async filter(choices: { region?: string; kind?: string }): Promise<void> {
    await this.page.getByLabel('Region').selectOption({ label: choices.region ?? 'Any region' });
    await this.page.getByLabel('Kind').selectOption({ label: choices.kind ?? 'Any kind' });
    await this.page.getByRole('button', { name: 'Show councils' }).click();
  }
}

export class RegisterCouncilPage extends PageObject {
  protected readonly heading = 'Register a council';

  async fillIn(answers: { name?: string; kind?: string; region?: string }): Promise<void> {
    if (answers.name !== undefined) await this.page.getByLabel('Name', { exact: true }).fill(answers.name);
    if (answers.kind) await this.page.getByLabel(answers.kind, { exact: true }).check();
    if (answers.region) await this.page.getByLabel(answers.region, { exact: true }).check();
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }
}

export class CheckCouncilPage extends PageObject {
  protected readonly heading = 'Check the council’s details before registering it';

  answers(): Promise<string[][]> {
    return rowsOf(this.page.locator('#answers'));
  }

  register(): Promise<void> {
    return this.page.getByRole('button', { name: 'Register council' }).click();
  }
}

export class AdminPartnershipsPage extends PageObject {
  protected readonly heading = 'Partnerships';

  rows(): Promise<string[][]> {
    return rowsOf(this.page.locator('#partnerships'));
  }
}

export class FormPartnershipPage extends PageObject {
  protected readonly heading = 'Form a partnership';

  async fillIn(answers: { name?: string; description?: string }): Promise<void> {
    if (answers.name !== undefined) await this.page.getByLabel('Name', { exact: true }).fill(answers.name);
    if (answers.description !== undefined) await this.page.getByLabel('Description (optional)').fill(answers.description);
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }
}

export class ChooseMembersPage extends PageObject {
  protected readonly heading = 'Choose its first members';

  async choose(names: string[]): Promise<void> {
    for (const name of names) await this.page.getByLabel(name, { exact: true }).check();
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }
}

export class CheckPartnershipPage extends PageObject {
  protected readonly heading = 'Check the partnership before forming it';

  answers(): Promise<string[][]> {
    return rowsOf(this.page.locator('#answers'));
  }

  form(): Promise<void> {
    return this.page.getByRole('button', { name: 'Form partnership' }).click();
  }
}

/** One partnership, as an admin runs it. */
export class AdminPartnershipPage extends PageObject {
  protected readonly heading: string;

  constructor(page: Page, name = '') {
    super(page);
    this.heading = name;
  }

  static async arrive(page: Page, name: string): Promise<AdminPartnershipPage> {
    return new AdminPartnershipPage(page, name).verify();
  }

  members(): Promise<string[]> {
    return this.page.locator('#members dt').allInnerTexts();
  }

  leads(): Promise<string[]> {
    return this.page.locator('#leads').evaluate((list) => Array.from(list.querySelectorAll('dt, li')).map((item) => (item as HTMLElement).innerText.trim()));
  }

  async addMember(): Promise<AddMemberPage> {
    await this.page.getByRole('button', { name: 'Add a member' }).click();
    return on(AddMemberPage, this.page);
  }

  async appointLead(): Promise<AppointLeadPage> {
    await this.page.getByRole('button', { name: 'Appoint a lead' }).click();
    return on(AppointLeadPage, this.page);
  }

  async removeMember(name: string): Promise<RemoveMemberPage> {
    await this.page.locator('#members').getByRole('link', { name: `Remove ${name}` }).click();
    return on(RemoveMemberPage, this.page);
  }

  async standDown(name: string): Promise<StandDownLeadPage> {
    await this.page.locator('#leads').getByRole('link', { name: `Stand down ${name}` }).click();
    return on(StandDownLeadPage, this.page);
  }
}

export class AddMemberPage extends PageObject {
  protected readonly heading = 'Which university or council is joining?';

  async add(name?: string): Promise<void> {
    if (name) await this.page.getByLabel(name, { exact: true }).check();
    await this.page.getByRole('button', { name: 'Add member' }).click();
  }
}

export class RemoveMemberPage extends PageObject {
  protected readonly heading = /^Are you sure you want to remove .+ from the partnership\?$/;

  confirm(): Promise<void> {
    return this.page.getByRole('button', { name: 'Yes, remove it' }).click();
  }
}

export class AppointLeadPage extends PageObject {
  protected readonly heading = /Who do you want to appoint as a lead\?$/;

  /** Each partnership lead offered, as their name and what the hint says. */
  choices(): Promise<string[]> {
    return this.page.locator('.govuk-radios__item').evaluateAll((items) => items.map((item) => (item as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  }

  async appoint(name?: string): Promise<void> {
    if (name) await this.page.getByLabel(name, { exact: true }).check();
    await this.page.getByRole('button', { name: 'Appoint lead' }).click();
  }
}

export class StandDownLeadPage extends PageObject {
  protected readonly heading = /^Are you sure you want .+ to stand down as a lead\?$/;

  confirm(): Promise<void> {
    return this.page.getByRole('button', { name: 'Yes, stand them down' }).click();
  }
}

export class EmailSuppressionsPage extends PageObject {
  protected readonly heading = 'Email suppressions';

  rows(): Promise<string[][]> {
    return rowsOf(this.page.locator('#suppressions'));
  }

  async lift(email: string): Promise<LiftSuppressionPage> {
    await this.page.getByRole('link', { name: `Lift the suppression of ${email}` }).click();
    return on(LiftSuppressionPage, this.page);
  }
}

export class LiftSuppressionPage extends PageObject {
  protected readonly heading = 'Are you sure you want to lift this suppression?';

  confirm(): Promise<void> {
    return this.page.getByRole('button', { name: 'Yes, lift it' }).click();
  }
}
