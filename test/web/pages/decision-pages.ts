import type { Locator, Page } from 'playwright-core';
import { ProposeMatchPage } from './manage-pages.js';
import { on, PageObject } from './page-object.js';

/** The rows of a table as their cells' text, tabs and extra spaces taken out. */
async function rowsOf(table: Locator): Promise<string[][]> {
  if ((await table.count()) === 0) return [];
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
  );
}

/** The items of a list, each as one line of text. */
function itemsOf(list: Locator): Promise<string[]> {
  return list.locator('li').evaluateAll((items) => items.map((item) => (item as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

/** A partnership lead's home: what needs them. */
export class LeadHomePage extends PageObject {
  protected readonly heading = 'What needs you';

  static async open(page: Page): Promise<LeadHomePage> {
    await page.goto('/home');
    return on(LeadHomePage, page);
  }

  proposedMatches(): Promise<string[]> {
    return itemsOf(this.page.locator('#proposed-matches'));
  }

  waitingApplications(): Promise<string[]> {
    return itemsOf(this.page.locator('#waiting-applications'));
  }

  closingSoon(): Promise<string[]> {
    return itemsOf(this.page.locator('#closing-soon'));
  }

  main(): Promise<string> {
    return this.page.locator('main').innerText();
  }

  async openOpportunity(title: string): Promise<DecisionOpportunityPage> {
    await this.page.locator('#closing-soon').getByRole('link', { name: title, exact: true }).click();
    return on(DecisionOpportunityPage, this.page);
  }

  async openApplication(title: string): Promise<DecisionOpportunityPage> {
    await this.page.locator('#waiting-applications').getByRole('link', { name: title, exact: true }).click();
    return on(DecisionOpportunityPage, this.page);
  }
}

/** An opportunity's matches, and its applications and recommendations side by side. */
export class DecisionOpportunityPage extends PageObject {
  protected readonly heading = /.+/;

  static async open(page: Page, opportunityId: string): Promise<DecisionOpportunityPage> {
    await page.goto(`/decisions/opportunities/${opportunityId}`);
    return on(DecisionOpportunityPage, page);
  }

  /** The application card whose statement has this text. */
  application(statement: string): Locator {
    return this.page.locator('#applications .app-candidate').filter({ hasText: statement });
  }

  recommendation(practitionerId: string): Locator {
    return this.page.locator(`#recommendation-${practitionerId}`);
  }

  async proposeFromApplication(statement: string): Promise<void> {
    await this.application(statement).getByRole('button', { name: /^Propose match/ }).click();
    await this.confirmProposal();
  }

  async proposeFromRecommendation(practitionerId: string): Promise<void> {
    await this.recommendation(practitionerId).getByRole('button', { name: /^Propose match/ }).click();
    await this.confirmProposal();
  }

  /** On the confirmation page every way of proposing shares, and back here. */
  private async confirmProposal(): Promise<void> {
    await on(ProposeMatchPage, this.page);
    await this.page.getByRole('button', { name: 'Propose match' }).click();
    await this.verify();
  }

  matches(): Promise<string[][]> {
    return rowsOf(this.page.locator('#matches-table'));
  }

  /** Approve or Reject in the row of the match that is the `index`th of its list (0, the oldest). */
  async decide(decision: 'Approve' | 'Reject', index = 0): Promise<void> {
    await this.page.locator('#matches-table tbody tr').nth(index).getByRole('link', { name: new RegExp(`^${decision}`) }).click();
  }

  /** The two columns' left edges: side by side on a wide screen, one above the other on a narrow one. */
  async columnsLeft(): Promise<[number, number]> {
    const left = async (selector: string) => (await this.page.locator(selector).boundingBox())!.x;
    return [await left('#applications'), await left('#recommendations')];
  }
}

export class ApproveMatchPage extends PageObject {
  protected readonly heading = 'Approve the match';

  async continueWith(note: string): Promise<void> {
    await this.page.getByLabel(/Add a note for/).fill(note);
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }
}

export class RejectMatchPage extends PageObject {
  protected readonly heading = 'Reject the match';

  async continueWith(reasons: string[], detail = ''): Promise<void> {
    for (const reason of reasons) await this.page.getByLabel(reason).check();
    await this.page.getByLabel('Anything else you would like to tell them (optional)').fill(detail);
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }
}

/** The check page of either decision, with the email the practitioner will get. */
export class CheckDecisionPage extends PageObject {
  protected readonly heading = /^Check and (approve|reject) the match$/;

  async emailPreview(): Promise<string> {
    return this.page.locator('#email-preview').innerText();
  }

  async confirm(): Promise<void> {
    await this.page.locator('#decision').getByRole('button').click();
  }
}

export class DecisionOpportunitiesPage extends PageObject {
  protected readonly heading = 'Open opportunities';
}

/** A practitioner's match, with its history. */
export class MatchPage extends PageObject {
  protected readonly heading = 'Your match';

  status(): Promise<string> {
    return this.page.locator('.govuk-summary-list .govuk-tag').first().innerText();
  }

  timeline(): Promise<string[]> {
    return this.page.locator('.moj-timeline__title').allTextContents().then((items) => items.map((item) => item.trim()));
  }

  timelineText(): Promise<string> {
    return this.page.locator('.moj-timeline').innerText();
  }
}

export class PartnershipMembersPage extends PageObject {
  protected readonly heading = /Partnership$/;
}

export class PartnershipSettingsPage extends PageObject {
  protected readonly heading = 'Settings';
}

export class AuditTrailPage extends PageObject {
  protected readonly heading = 'Audit trail';

  changes(): Promise<string[]> {
    return this.page.locator('.moj-timeline__title').allTextContents().then((titles) => titles.map((title) => title.trim()));
  }
}
