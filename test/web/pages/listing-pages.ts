import { PageObject } from './page-object.js';

export class PublicPartnershipsPage extends PageObject {
  protected readonly heading = 'Partnerships’ opportunities';

  static async open(page: import('playwright-core').Page): Promise<PublicPartnershipsPage> {
    await page.goto('/partnerships');
    return new PublicPartnershipsPage(page).verify();
  }

  partnerships(): Promise<string[]> {
    return this.page.locator('#partnerships h2').allTextContents().then((names) => names.map((name) => name.trim()));
  }
}

export class PublicPartnershipPage extends PageObject {
  constructor(
    page: import('playwright-core').Page,
    protected readonly heading: string,
  ) {
    super(page);
  }

  opportunities(): Promise<string[]> {
    return this.page.locator('#opportunities h3').allTextContents().then((titles) => titles.map((title) => title.trim()));
  }
}
