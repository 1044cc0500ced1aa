import { encodeWords, foldLines, isPlainText, quoteString } from 'nodemailer/lib/mime-funcs';
import { encode, wrap } from 'nodemailer/lib/qp';

export interface AlternativeMessage {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  /** With its angle brackets. */
  messageId: string;
  date: Date;
  headers?: Record<string, string>;
}

/** An unstructured header value, as an RFC 2047 encoded word when it is not plain ASCII. */
const word = (value: string) => (isPlainText(value) ? value : encodeWords(value, 'Q', 52, true));

const header = (name: string, value: string) => foldLines(`${name}: ${value}`, 76);

const displayName = (name: string) => (!isPlainText(name) ? word(name) : /[\x00-\x1F()<>@,;:\\".[\]]/.test(name) ? quoteString(name) : name);

/**
 * Each line of a part encoded on its own and remembered: a run's emails repeat the same lines (the
 * layout, each opportunity's) over and over. A line is encoded with the break that ends it, which
 * gives what encoding the whole part would, as soft breaks never cross a hard one.
 */
const encodedLines = new Map<string, string>();
const MOST_LINES_KEPT = 10_000;

function encodedLine(line: string): string {
  let encoded = encodedLines.get(line);
  if (encoded === undefined) {
    // Cleared rather than grown: lines unique to one email (its unsubscribe link) come and go.
    if (encodedLines.size >= MOST_LINES_KEPT) encodedLines.clear();
    encoded = wrap(encode(`${line}\r\n`), 76);
    encodedLines.set(line, encoded);
  }
  return encoded;
}

/** `body` in quoted-printable, its lines ending in CRLF. */
export function quotedPrintable(body: string): string {
  const lines = body.split(/\r?\n/);
  const last = lines.pop()!;
  return lines.map(encodedLine).join('') + wrap(encode(last), 76);
}

const part = (contentType: string, body: string) =>
  `Content-Type: ${contentType}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${quotedPrintable(body)}`;

/**
 * The message source of a plain-text and HTML email, ready for SMTP: what nodemailer's composer
 * makes of the same fields, without the MIME tree and streams it builds for each message, which
 * cost a digest run more CPU than everything else a message needs.
 */
export function composeAlternative(message: AlternativeMessage): string {
  // "=_" never occurs in quoted-printable text, so the boundary cannot clash with a part.
  const boundary = `=_tpm_${message.messageId.replace(/[^\w.-]/g, '')}`;
  const headers = [
    ...Object.entries(message.headers ?? {}).map(([name, value]) => header(name, value)),
    header('From', `${displayName(message.from.name)} <${message.from.address}>`),
    header('To', message.to),
    header('Subject', word(message.subject)),
    header('Message-ID', message.messageId),
    header('Date', message.date.toUTCString().replace(/GMT$/, '+0000')),
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative;\r\n boundary="${boundary}"`,
  ];
  return `${headers.join('\r\n')}\r\n\r\n--${boundary}\r\n${part('text/plain', message.text)}\r\n--${boundary}\r\n${part('text/html', message.html)}\r\n--${boundary}--\r\n`;
}
