import { PageObject } from './page-object.js';

export class PeoplePage extends PageObject {
  protected readonly heading = 'People';

  /** Each row of the table as "name | email | role | organisation | status". */
  async rows(): Promise<string[]> {
    const rows = await this.page.locator('#people tbody tr').all();
    return Promise.all(rows.map(async (row) => (await row.locator('td').allInnerTexts()).slice(0, 5).map((cell) => cell.trim()).join(' | ')));
  }

  async statusOf(name: string): Promise<string> {
    return (await this.page.locator('#people tbody tr', { hasText: name }).locator('.govuk-tag').innerText()).trim();
  }

  /** How far the page and the table's own region are scrolled across, and how far they can be. */
  async horizontalScroll(): Promise<{ page: { width: number; scrollWidth: number }; table: { width: number; scrollWidth: number; scrollLeft: number } }> {
    return this.page.evaluate(() => {
      const region = document.querySelector('[role="region"][aria-label="People"]')!;
      return {
        page: { width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth },
        table: { width: region.clientWidth, scrollWidth: region.scrollWidth, scrollLeft: region.scrollLeft },
      };
    });
  }
}

export class InviteDetailsPage extends PageObject {
  protected readonly heading = 'Who are you inviting?';

  async fill(name: string, email: string): Promise<void> {
    await this.page.getByLabel('Full name').fill(name);
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }
}

export class InviteWorkplacePage extends PageObject {
  protected readonly heading = /^Where does .+ work\?$/;
}

export class CheckInvitationPage extends PageObject {
  protected readonly heading = 'Check the invitation before sending it';

  summary(): Promise<string> {
    return this.page.locator('#check-invitation').innerText();
  }
}

export class InvitationSentPage extends PageObject {
  protected readonly heading = 'Invitation sent';
}

export class ResendInvitationPage extends PageObject {
  protected readonly heading = /^Send .+ a new invitation link\?$/;
}

export class WithdrawInvitationPage extends PageObject {
  protected readonly heading = /^Are you sure you want to withdraw .+’s invitation\?$/;
}

export class AddMemberPage extends PageObject {
  protected readonly heading = 'Which university or council is joining?';
}

export class RemoveMemberPage extends PageObject {
  protected readonly heading = /^Are you sure you want to remove .+ from the partnership\?$/;
}

export class SpecialismsPage extends PageObject {
  protected readonly heading = 'Specialisms';

  own(): Promise<string[]> {
    return this.page.locator('#own-specialisms tbody td').allInnerTexts().then((cells) => cells.map((cell) => cell.trim()));
  }
}
