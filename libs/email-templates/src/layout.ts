import { type Html, html } from './markup.js';

export interface Email {
  subject: string;
  html: string;
  text: string;
}

export interface Page {
  subject: string;
  /** The partnership the email is about; every email names it. */
  partnershipName: string;
  greeting: string;
  paragraphs: string[];
  /** Extra HTML after the paragraphs (lists of sessions, of opportunities). */
  extraHtml?: Html;
  extraText?: string;
  action: { label: string; url: string };
  /** Why this person gets this email, with the way out where there is one. */
  footer?: string;
}

/** The one look of every email: both parts from the same content. */
export function layout(page: Page): Email {
  const body = html`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${page.subject}</title></head>
<body style="font-family: Arial, sans-serif; color: #1d1d1b; max-width: 600px; margin: 0 auto; padding: 16px">
<p style="color: #505a5f; margin: 0 0 16px">${page.partnershipName}</p>
<p>${page.greeting}</p>
${page.paragraphs.map((paragraph) => html`<p>${paragraph}</p>\n`)}${page.extraHtml ?? ''}
<p><a href="${page.action.url}" style="background: #00703c; color: #fff; padding: 8px 12px; text-decoration: none">${page.action.label}</a></p>
${page.footer ? html`<p style="color: #505a5f; font-size: 13px">${page.footer}</p>` : ''}
</body></html>`;
  const text = [
    page.partnershipName,
    '',
    page.greeting,
    '',
    ...page.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(page.extraText ? [page.extraText, ''] : []),
    `${page.action.label}: ${page.action.url}`,
    ...(page.footer ? ['', '--', page.footer] : []),
  ].join('\n');
  return { subject: page.subject, html: body.value, text: `${text}\n` };
}
