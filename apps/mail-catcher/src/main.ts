import { createServer, type ServerResponse } from 'node:http';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A mail catcher for trying the product on one machine (`npm start` runs it when SMTP_URL is not
 * set): accepts every message over SMTP and shows them on a local web page. Nothing leaves the machine.
 */
const SMTP_PORT = Number(process.argv[2] ?? 1025);
const HTTP_PORT = Number(process.argv[3] ?? 1080);
const KEEP = 2000;

interface Caught {
  id: number;
  to: string[];
  receivedAt: Date;
  mail: ParsedMail;
}
const caught: Caught[] = [];
let nextId = 1;

const escape = (value: string | undefined) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (res: ServerResponse, title: string, body: string) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:Arial,sans-serif;margin:24px}td,th{padding:4px 12px;text-align:left;border-bottom:1px solid #ddd}pre{white-space:pre-wrap;background:#f6f6f6;padding:12px}</style>
</head><body>${body}</body></html>`);
};

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  // On stop, open connections (the notification worker keeps a pool of them) get a 421 after this
  // many milliseconds instead of the default 30 s, which would hold up `npm start` stopping.
  closeTimeout: 100,
  onData(stream, session, callback) {
    simpleParser(stream).then(
      (mail) => {
        caught.unshift({ id: nextId++, to: session.envelope.rcptTo.map((r) => r.address), receivedAt: new Date(), mail });
        caught.length = Math.min(caught.length, KEEP);
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});

const web = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [, section, id, part, index] = url.pathname.split('/');
  if (url.pathname === '/messages.json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(caught.map(({ id, to, receivedAt, mail }) => ({ id, to, receivedAt, subject: mail.subject, text: mail.text, headers: Object.fromEntries(mail.headers) }))));
    return;
  }
  const message = section === 'messages' ? caught.find((c) => c.id === Number(id)) : undefined;
  if (message && part === 'attachments') {
    const attachment = message.mail.attachments[Number(index)];
    if (!attachment) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': attachment.contentType, 'content-disposition': `attachment; filename="${attachment.filename ?? 'attachment'}"` });
    return void res.end(attachment.content);
  }
  if (message) {
    const { mail } = message;
    const attachments = mail.attachments.map((a, i) => `<li><a href="/messages/${message.id}/attachments/${i}">${escape(a.filename ?? a.contentType)}</a></li>`).join('');
    return page(
      res,
      mail.subject ?? '(no subject)',
      `<p><a href="/">All messages</a></p><h1>${escape(mail.subject)}</h1>
<p>To: ${escape(message.to.join(', '))}<br>From: ${escape(mail.from?.text)}<br>${escape(message.receivedAt.toISOString())}</p>
${[...mail.headers.keys()].filter((k) => k.startsWith('list')).map((k) => `<p><code>${escape(k)}: ${escape(JSON.stringify(mail.headers.get(k)))}</code></p>`).join('')}
${attachments ? `<ul>${attachments}</ul>` : ''}
<h2>HTML</h2><iframe sandbox style="width:100%;height:420px;border:1px solid #ccc" srcdoc="${escape(mail.html || '')}"></iframe>
<h2>Plain text</h2><pre>${escape(mail.text)}</pre>`,
    );
  }
  if (url.pathname !== '/') return void res.writeHead(404).end();
  const rows = caught
    .map((c) => `<tr><td>${escape(c.receivedAt.toISOString())}</td><td>${escape(c.to.join(', '))}</td><td><a href="/messages/${c.id}">${escape(c.mail.subject)}</a></td></tr>`)
    .join('');
  page(res, 'Mail catcher', `<h1>Mail sent by the product (${caught.length})</h1><table><tr><th>Received</th><th>To</th><th>Subject</th></tr>${rows}</table>`);
});

smtp.listen(SMTP_PORT, '127.0.0.1', () => {
  web.listen(HTTP_PORT, '127.0.0.1', () => process.stdout.write(`Mail catcher: SMTP on 127.0.0.1:${SMTP_PORT}, messages at http://127.0.0.1:${HTTP_PORT}\n`));
});
const stop = () => smtp.close(() => web.close(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
