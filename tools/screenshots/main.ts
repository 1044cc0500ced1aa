import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * Screenshots of the main pages, at desktop and mobile widths, from the running product with its
 * demo data (`npm start`), into docs/screenshots. `npm run screenshots`.
 */
const WEB = process.env.WEB_URL ?? 'http://127.0.0.1:8080';
const OUT = join(process.cwd(), 'docs', 'screenshots');
const PASSWORD = 'demo-password-2026';
const WIDTHS = { desktop: 1200, mobile: 390 } as const;

type Step = { name: string; visit: (page: Page) => Promise<unknown> };

const asPractitioner: Step[] = [
  { name: 'practitioner-home', visit: (page) => page.goto(`${WEB}/home`) },
  { name: 'find-opportunities', visit: (page) => page.goto(`${WEB}/opportunities?type=teaching`) },
  {
    name: 'opportunity',
    visit: async (page) => {
      await page.goto(`${WEB}/opportunities?type=teaching`);
      await page.locator('#results h2 a').first().click();
    },
  },
  {
    name: 'apply-with-an-error',
    visit: async (page) => {
      await page.goto(`${WEB}/opportunities?type=research`);
      await page.locator('#results h2 a').first().click();
      await page.goto(`${page.url()}/apply`);
      await page.getByRole('button', { name: 'Continue' }).click();
    },
  },
  { name: 'profile', visit: (page) => page.goto(`${WEB}/profile`) },
];
const asAcademic: Step[] = [
  { name: 'academic-opportunities', visit: (page) => page.goto(`${WEB}/manage/opportunities`) },
  { name: 'post-an-opportunity', visit: (page) => page.goto(`${WEB}/manage/opportunities/new/type`) },
];
const asLead: Step[] = [
  { name: 'lead-home', visit: (page) => page.goto(`${WEB}/home`) },
  {
    name: 'lead-decisions',
    visit: async (page) => {
      await page.goto(`${WEB}/decisions`);
      await page.locator('main a[href^="/decisions/opportunities/"]').first().click();
    },
  },
];

async function signedIn(browser: Browser, email: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${WEB}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/(home|manage\/opportunities)/);
  return page;
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [size, width] of Object.entries(WIDTHS)) {
    const anonymous = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    for (const [name, path] of [['start', '/'], ['sign-in', '/sign-in']] as const) {
      await anonymous.goto(`${WEB}${path}`);
      await anonymous.screenshot({ path: join(OUT, `${name}-${size}.png`), fullPage: true });
    }
    for (const [email, steps] of [
      ['practitioner@norfolk.example', asPractitioner],
      ['academic@uea.example', asAcademic],
      ['lead@norfolk-suffolk.example', asLead],
    ] as const) {
      const page = await signedIn(browser, email, width);
      for (const step of steps) {
        await step.visit(page);
        await page.waitForLoadState('load');
        await page.screenshot({ path: join(OUT, `${step.name}-${size}.png`), fullPage: true });
      }
    }
  }
  process.stdout.write(`Screenshots written to ${OUT}\n`);
} finally {
  await browser.close();
}
