import { describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { encode, wrap } from 'nodemailer/lib/qp';
import { type AlternativeMessage, composeAlternative, quotedPrintable } from './mime-message.js';

const unsubscribe = `https://tpm.example/unsubscribe?token=${'t'.repeat(140)}`;
const message: AlternativeMessage = {
  from: { name: 'Teaching Partnership – Norfolk, "East"', address: 'noreply@tpm.example' },
  to: 'sam.o’neill@example.org'.replace('’', ''),
  subject: 'New opportunities for you – 3 this week, from the universities and councils of the partnership',
  text: `Hello Siân,\n.A line that starts with a dot, and – a dash.\n${'word '.repeat(40)}\nTrailing spaces   \n`,
  html: `<html><body><p>Hello Siân</p>\n<p>${'word '.repeat(60)}</p>\n<p>=3D is not an escape here</p>\n</body></html>`,
  messageId: '<0f8a2c9e-1111-2222-3333-444455556666@tpm.example>',
  date: new Date('2026-12-07T07:00:00Z'),
  headers: { 'List-Unsubscribe': `<${unsubscribe}>, <mailto:unsubscribe@tpm.example>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
};

/** What nodemailer's own composer makes of the same fields. */
async function composedByNodemailer(fields: AlternativeMessage): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail({ ...fields, from: { name: fields.from.name, address: fields.from.address } });
  return info.message as Buffer;
}

describe('composeAlternative', () => {
  it('reads back, field for field, as the message nodemailer composes from the same fields', async () => {
    const ours = await simpleParser(composeAlternative(message));
    const theirs = await simpleParser(await composedByNodemailer(message));
    expect(ours.subject).toBe(message.subject);
    expect(ours.text).toBe(message.text);
    expect(ours.html).toBe(message.html);
    for (const field of ['subject', 'text', 'html', 'messageId', 'date'] as const) expect(ours[field]).toEqual(theirs[field]);
    expect(ours.from?.value).toEqual(theirs.from?.value);
    expect(ours.from?.value).toEqual([{ name: message.from.name, address: message.from.address }]);
    expect(ours.to).toEqual(theirs.to);
    expect(ours.headers.get('list')).toEqual(theirs.headers.get('list'));
    expect(ours.headerLines.find((header) => header.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(ours.headers.get('list')).toMatchObject({ unsubscribe: { url: unsubscribe, mail: 'unsubscribe@tpm.example' } });
  });

  it('keeps to the line lengths of RFC 5322, folding headers and wrapping the quoted-printable parts', () => {
    const source = composeAlternative({ ...message, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
    expect(source.split('\r\n').filter((line) => line.length > 78)).toEqual([]);
    // Every line ends CRLF: nothing bare for SMTP to mend on the way.
    expect(source.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('marks both parts as UTF-8 quoted-printable inside one multipart/alternative', () => {
    const source = composeAlternative(message);
    const boundary = /boundary="([^"]+)"/.exec(source)![1]!;
    expect(source).toContain('Content-Type: multipart/alternative;');
    expect(source.split(`--${boundary}\r\n`)).toHaveLength(3);
    expect(source.endsWith(`--${boundary}--\r\n`)).toBe(true);
    expect(source.match(/Content-Transfer-Encoding: quoted-printable/g)).toHaveLength(2);
    expect(source).toContain('Hello Si=C3=A2n');
  });
});

describe('quotedPrintable', () => {
  // Lines around the wrap length, of pieces that change where a soft break may go.
  const pieces = ['word ', 'a', 'â', '€', '😀', '=', ' ', '\t', '.', ',', 'http://tpm.example/x?y=1&z=2', '<li>', 'x'.repeat(30)];
  let seed = 7;
  const random = (below: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % below;
  };
  const line = () => {
    let made = '';
    const length = 60 + random(40);
    while (made.length < length) made += pieces[random(pieces.length)];
    return made;
  };

  it('encodes a body line by line exactly as encoding it whole would, however often its lines recur', () => {
    const lines = Array.from({ length: 40 }, line);
    for (let body = 0; body < 300; body += 1) {
      const picked = Array.from({ length: 1 + random(12) }, () => (random(4) === 0 ? '' : lines[random(lines.length)]!));
      const text = picked.join(random(2) === 0 ? '\n' : '\r\n') + (random(2) === 0 ? '\n' : '');
      expect(quotedPrintable(text)).toBe(wrap(encode(text.replace(/\r?\n/g, '\r\n')), 76));
    }
  });
});
