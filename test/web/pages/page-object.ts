import type { Page } from 'playwright-core';
import { accessibilityViolations, withoutJavaScript } from '../web-stack.js';

/**
 * A page of the service as a person meets it. Arriving checks that this is the page expected (its
 * heading and title) and that axe finds no WCAG 2.2 AA violation on it.
 */
export abstract class PageObject {
  protected abstract readonly heading: string | RegExp;

  constructor(readonly page: Page) {}

  async verify(): Promise<this> {
    // A click or a form post may still be on its way to the next page: wait for it, up to a point.
    const deadline = Date.now() + 10_000;
    let heading = '';
    for (;;) {
      await this.page.waitForLoadState('load');
      heading = (await this.page.locator('h1').first().textContent({ timeout: 10_000 }).catch(() => ''))?.trim() ?? '';
      if (typeof this.heading === 'string' ? heading === this.heading : this.heading.test(heading)) break;
      if (Date.now() > deadline) throw new Error(`Expected the page "${String(this.heading)}" at ${this.page.url()}, but its heading is "${heading}"`);
      await this.page.waitForTimeout(100);
    }
    const title = await this.page.title();
    if (!title.includes('Teaching Partnership Marketplace')) throw new Error(`The page at ${this.page.url()} has the title "${title}"`);
    if (!withoutJavaScript.has(this.page)) expect(await accessibilityViolations(this.page)).toEqual([]);
    return this;
  }

  /** The error summary's messages, in order. */
  errorSummary(): Promise<string[]> {
    return this.page.locator('.govuk-error-summary__list li').allTextContents().then((items) => items.map((item) => item.trim()));
  }

  /** The service navigation item marked as where the person is. */
  currentSection(): Promise<string[]> {
    return this.page.locator('.govuk-service-navigation [aria-current]').allInnerTexts().then((items) => items.map((item) => item.trim()));
  }

  /** The success banner's heading, if any. */
  banner(): Promise<string | null> {
    return this.page.locator('.govuk-notification-banner__heading').textContent({ timeout: 1000 }).catch(() => null);
  }
}

/** Arrive on a page: `new Type(page)` verified. */
export async function on<T extends PageObject>(Type: new (page: Page) => T, page: Page): Promise<T> {
  return new Type(page).verify();
}
