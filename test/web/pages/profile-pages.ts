import { PageObject } from './page-object.js';

export class ProfileTaskListPage extends PageObject {
  protected readonly heading = 'Your profile';

  statuses(): Promise<string[]> {
    return this.page.locator('.govuk-task-list__item').allInnerTexts().then((items) => items.map((item) => item.replace(/\s+/g, ' ').trim()));
  }
}

export class CareerPage extends PageObject {
  protected readonly heading = 'Your career stage and experience';
}

export class SpecialismsPage extends PageObject {
  protected readonly heading = 'Which areas of social work do you specialise in?';
}

export class PracticeEducatorPage extends PageObject {
  protected readonly heading = 'Which Practice Educator Professional Standards (PEPS) stage have you completed?';
}

export class AvailabilityPage extends PageObject {
  protected readonly heading = 'Which days can you usually give?';
}

export class DatesAwayPage extends PageObject {
  protected readonly heading = 'Dates you are away';

  periods(): Promise<string[]> {
    return this.page.locator('#away .govuk-summary-list__key').allTextContents().then((items) => items.map((item) => item.trim()));
  }
}

export class FormatsPage extends PageObject {
  protected readonly heading = 'How and how often you can take part';
}

export class CheckProfilePage extends PageObject {
  protected readonly heading = 'Check your profile';

  async answers(): Promise<Record<string, string>> {
    const rows = await this.page.locator('.govuk-summary-list__row').evaluateAll((elements) =>
      elements.map((row) => [row.querySelector('dt')?.textContent?.trim() ?? '', row.querySelector<HTMLElement>('dd')?.innerText.trim() ?? '']),
    );
    return Object.fromEntries(rows);
  }
}
