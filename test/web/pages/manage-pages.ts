import type { Page } from 'playwright-core';
import { on, PageObject } from './page-object.js';

/** A date as the GOV.UK date inputs take it. */
export interface TypedDate {
  day: string;
  month: string;
  year: string;
}

/** The London date `days` from now, as typed into a date input. */
export function typedDateIn(days: number): TypedDate {
  const [year, month, day] = new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' }).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}

export class ManageOpportunitiesPage extends PageObject {
  protected readonly heading = 'Opportunities';

  static async open(page: Page, status?: string): Promise<ManageOpportunitiesPage> {
    await page.goto(`/manage/opportunities${status ? `?status=${status}` : ''}`);
    return on(ManageOpportunitiesPage, page);
  }

  async tab(name: string): Promise<void> {
    await this.page.locator('.moj-sub-navigation').getByRole('link', { name, exact: true }).click();
    await this.verify();
  }

  currentTab(): Promise<string> {
    return this.page.locator('.moj-sub-navigation [aria-current=page]').innerText();
  }

  titles(): Promise<string[]> {
    return this.page.locator('#opportunities h3').allTextContents().then((titles) => titles.map((title) => title.trim()));
  }

  /** What the list says of one opportunity, as it reads (without what only screen readers hear). */
  summary(title: string): Promise<string> {
    return this.page.locator('#opportunities li', { has: this.page.getByRole('heading', { name: title, exact: true }) }).evaluate((item) => {
      const copy = item.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.govuk-visually-hidden').forEach((hidden) => hidden.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
  }

  async open(title: string): Promise<ManagedOpportunityPage> {
    await this.page.getByRole('link', { name: title, exact: true }).click();
    return on(ManagedOpportunityPage, this.page);
  }
}

export class TypeStepPage extends PageObject {
  protected readonly heading = 'What type of opportunity is it?';
}

export class DetailsStepPage extends PageObject {
  protected readonly heading = 'Describe the opportunity';

  async fill(details: { title: string; description: string; contact: string }): Promise<void> {
    await this.page.getByLabel('Title').fill(details.title);
    await this.page.getByLabel('Description').fill(details.description);
    await this.page.getByLabel('Contact').fill(details.contact);
  }
}

export class SessionsStepPage extends PageObject {
  protected readonly heading = 'When and where are the sessions?';

  async fill(session: { date: TypedDate; start: string; end: string; place?: string; onlineLink?: string }): Promise<void> {
    await this.page.locator('#session-day').fill(session.date.day);
    await this.page.locator('#session-month').fill(session.date.month);
    await this.page.locator('#session-year').fill(session.date.year);
    await this.page.getByLabel('Start time').fill(session.start);
    await this.page.getByLabel('End time').fill(session.end);
    await this.page.getByLabel('Place').fill(session.place ?? '');
    await this.page.getByLabel('Online link').fill(session.onlineLink ?? '');
  }

  added(): Promise<string[]> {
    return this.page.locator('#added-sessions .govuk-summary-list__value').allInnerTexts();
  }
}

export class EligibilityStepPage extends PageObject {
  protected readonly heading = 'Who can take part?';
}

export class PlacesStepPage extends PageObject {
  protected readonly heading = 'Places and closing date';

  async fill(places: string, closes: TypedDate, time: string): Promise<void> {
    await this.page.getByLabel('How many places are there?').fill(places);
    await this.page.locator('#closes-day').fill(closes.day);
    await this.page.locator('#closes-month').fill(closes.month);
    await this.page.locator('#closes-year').fill(closes.year);
    await this.page.getByLabel('Closing time').fill(time);
  }
}

export class CheckOpportunityPage extends PageObject {
  protected readonly heading = 'Check your answers before saving';

  summary(): Promise<string> {
    return this.page.locator('main').innerText();
  }
}

export class CheckChangesPage extends PageObject {
  protected readonly heading = 'Check your changes before saving them';
}

export class ManagedOpportunityPage extends PageObject {
  protected readonly heading = /.+/;

  status(): Promise<string> {
    return this.page.locator('#status .govuk-tag').innerText();
  }

  title(): Promise<string> {
    return this.page.locator('h1').innerText();
  }

  actions(): Promise<string[]> {
    return this.page.locator('#actions .govuk-button').allInnerTexts().then((texts) => texts.map((text) => text.trim()));
  }

  async action(name: string): Promise<void> {
    await this.page.locator('#actions').getByRole('button', { name, exact: true }).click();
  }

  async tab(name: RegExp | string): Promise<void> {
    await this.page.locator('.moj-sub-navigation').getByRole('link', { name }).click();
  }
}

export class ConfirmMovePage extends PageObject {
  protected readonly heading = /^Are you sure you want to (publish|close|mark)/;
}

export class CancelReasonPage extends PageObject {
  protected readonly heading = 'Why are you cancelling this opportunity?';
}

export class ConfirmCancelPage extends PageObject {
  protected readonly heading = 'Are you sure you want to cancel this opportunity?';
}

export class OpportunityApplicationsPage extends PageObject {
  protected readonly heading = 'Applications';

  applicants(): Promise<string[]> {
    return this.page.locator('#applications h2').allTextContents().then((names) => names.map((name) => name.trim()));
  }
}

export class OpportunityRecommendationsPage extends PageObject {
  protected readonly heading = 'Recommendations';
}

export class OpportunityMatchesPage extends PageObject {
  protected readonly heading = 'Matches';

  rows(): Promise<string[]> {
    return this.page.locator('#matches tbody tr').allInnerTexts();
  }
}

export class ProposeMatchPage extends PageObject {
  protected readonly heading = /^Propose .+ as a match\?$/;
}
