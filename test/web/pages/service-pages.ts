import type { Page } from 'playwright-core';
import type { Person } from '../../support/people.js';
import { PASSWORD } from '../web-stack.js';
import { on, PageObject } from './page-object.js';

export class StartPage extends PageObject {
  protected readonly heading = 'Find teaching, interviewing, research and practice educator opportunities';
}

export class SignInPage extends PageObject {
  protected readonly heading = 'Sign in';

  static async open(page: Page): Promise<SignInPage> {
    await page.goto('/sign-in');
    return on(SignInPage, page);
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  signInAs(person: Person): Promise<void> {
    return this.signIn(person.email, PASSWORD);
  }
}

export class PractitionerHomePage extends PageObject {
  protected readonly heading = 'Your opportunities';

  applicationRows(): Promise<string[]> {
    return this.page.locator('table tbody tr').allInnerTexts();
  }
}

export class FindOpportunitiesPage extends PageObject {
  protected readonly heading = 'Find opportunities';

  static async open(page: Page, query = ''): Promise<FindOpportunitiesPage> {
    await page.goto(`/opportunities${query}`);
    return on(FindOpportunitiesPage, page);
  }

  resultTitles(): Promise<string[]> {
    return this.page.locator('#results h2').allTextContents().then((titles) => titles.map((title) => title.trim()));
  }

  resultCount(): Promise<string> {
    return this.page.locator('#result-count').innerText();
  }

  async openResult(title: string): Promise<OpportunityPage> {
    await this.page.getByRole('link', { name: title }).click();
    return on(OpportunityPage, this.page);
  }
}

export class OpportunityPage extends PageObject {
  protected readonly heading = /.+/;

  /** What the page says about applying: "You’re eligible", or why not. */
  eligibility(): Promise<string> {
    return this.page.locator('#eligibility').innerText().then((text) => text.replace(/\s+/g, ' ').trim());
  }

  hasApplyButton(): Promise<boolean> {
    return this.page.getByRole('button', { name: 'Apply', exact: true }).isVisible();
  }

  async apply(): Promise<ApplyPage> {
    // A GOV.UK button that is a link has the button role.
    await this.page.getByRole('button', { name: 'Apply', exact: true }).click();
    return on(ApplyPage, this.page);
  }
}

export class ApplyPage extends PageObject {
  protected readonly heading = 'Why would you like to take part?';

  async continueWith(statement: string): Promise<void> {
    await this.page.getByLabel('Why would you like to take part?').fill(statement);
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }
}

export class CheckApplicationPage extends PageObject {
  protected readonly heading = 'Check your application before sending it';

  async send(): Promise<void> {
    await this.page.getByRole('button', { name: 'Send application' }).click();
  }
}

export class ApplicationSentPage extends PageObject {
  protected readonly heading = /^Application sent/;
}

export class ApplicationPage extends PageObject {
  protected readonly heading = 'Your application';

  status(): Promise<string> {
    return this.page.locator('.govuk-summary-list .govuk-tag').first().innerText();
  }

  timeline(): Promise<string[]> {
    return this.page.locator('.moj-timeline__title').allTextContents().then((items) => items.map((item) => item.trim()));
  }
}

export class WithdrawPage extends PageObject {
  protected readonly heading = 'Are you sure you want to withdraw your application?';
}

export class NotFoundPage extends PageObject {
  protected readonly heading = 'Page not found';
}

export class ForbiddenPage extends PageObject {
  protected readonly heading = 'You cannot do this';
}

export class UnavailablePage extends PageObject {
  protected readonly heading = 'Sorry, the service is unavailable';
}

export class FormExpiredPage extends PageObject {
  protected readonly heading = 'This form has expired';
}

export class InformationPage extends PageObject {
  protected readonly heading = /^(Accessibility statement|Privacy notice|Cookies)/;
}
