const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The few pages a person reaches from an email link, without signing in. */
export function smallPage(title: string, paragraph: string, form?: { action: string; button: string }): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body style="font-family: Arial, sans-serif; max-width: 600px; margin: 40px auto"><h1>${escape(title)}</h1><p>${escape(paragraph)}</p>
${form ? `<form method="post" action="${escape(form.action)}"><button type="submit">${escape(form.button)}</button></form>` : ''}</body></html>`;
}
