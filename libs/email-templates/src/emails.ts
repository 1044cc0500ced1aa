import type { EmailPreference } from '#libs/mail-contract';
import { calendarInvite, type SessionTimes } from '#libs/calendar';
import { type Email, layout } from './layout.js';
import { Html, html, londonTime } from './markup.js';

/**
 * A kind a person chooses (`EmailPreference`); `essential` ones (about their own application, their
 * account) always go; `subscription`: sent because of a subscription, which its own unsubscribe link cancels.
 */
type EmailKind = EmailPreference | 'essential' | 'subscription';

interface About {
  partnershipName: string;
  recipientName: string;
  opportunityTitle: string;
  link: string;
}
interface AboutPractitioner extends About {
  practitionerName: string;
}

/** What each template needs: the worker stores it with the message and renders when it sends. */
export interface TemplateParams {
  'application-submitted': AboutPractitioner;
  'application-withdrawn': AboutPractitioner;
  'match-proposed': About;
  'match-to-decide': AboutPractitioner;
  'match-approved': About & { note: string | null; matchId: string; sessions: SessionTimes[]; recipientEmail: string };
  'match-approved-host': AboutPractitioner;
  'match-rejected': About & { note: string | null };
  'opportunity-updated': About;
  'opportunity-cancelled': About & { reason: string | null };
  'opportunity-filled': About;
  'recommended-for-you': About & { reasons: string[] };
  'recommendations-ready': About & { count: number };
  // Links that carry a secret are made when the email is sent (`SignedLinks`), so no stored message holds one.
  invitation: { recipientName: string; role: string; invitationId: string; expiresAt: string };
  'password-reset': { recipientName: string; resetId: string; expiresAt: string };
  'subscription-confirm': { frequency: string; pendingSubscriptionId: string };
  digest: {
    subscriptionId: string;
    frequency: string;
    total: number;
    opportunities: DigestItem[];
    moreLink: string;
  };
}

interface DigestItem {
  title: string;
  type: string;
  partnershipName: string;
  firstSessionAt: string | null;
  closesAt: string;
  link: string;
}

const TYPE_NAMES: Record<string, string> = {
  teaching: 'Teaching',
  interviewing: 'Interviewing',
  research: 'Research',
  practice_educator: 'Practice educator',
};
export type TemplateName = keyof TemplateParams;

export interface RenderedEmail extends Email {
  calendar?: string;
}

export interface Sender {
  name: string;
  email: string;
}

/** Links whose tokens are secrets, made at the moment of sending. */
export interface SignedLinks {
  acceptInvitation(invitationId: string): string;
  resetPassword(resetId: string): string;
  confirmSubscription(subscriptionId: string): string;
}

interface Template<P> {
  kind: EmailKind;
  render(params: P, sender: Sender, signed: SignedLinks): RenderedEmail;
}

const ROLES: Record<string, string> = {
  admin: 'an administrator',
  partnership_lead: 'a partnership lead',
  academic: 'an academic',
  practitioner: 'a practitioner',
};

const sessionList = (sessions: SessionTimes[]) => ({
  extraHtml: html`<ul>${sessions.map((s) => html`<li>${londonTime(s.startsAt)} to ${londonTime(s.endsAt)}, ${s.place ?? s.onlineLink}</li>`)}</ul>`,
  extraText: sessions.map((s) => `- ${londonTime(s.startsAt)} to ${londonTime(s.endsAt)}, ${s.place ?? s.onlineLink}`).join('\n'),
});

/**
 * Every email the product sends, as typed functions: the compiler checks each template against the
 * data it is given, and `html` escapes whatever a person typed. A template engine would add a
 * language and runtime look-ups for what TypeScript checks here at build time.
 */
export const TEMPLATES: { [N in TemplateName]: Template<TemplateParams[N]> } = {
  'application-submitted': {
    kind: 'applications',
    render: (p) =>
      layout({
        subject: `New application: ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [`${p.practitionerName} has applied for "${p.opportunityTitle}".`],
        action: { label: 'See the applications', url: p.link },
      }),
  },
  'application-withdrawn': {
    kind: 'applications',
    render: (p) =>
      layout({
        subject: `Application withdrawn: ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [`${p.practitionerName} has withdrawn their application for "${p.opportunityTitle}".`],
        action: { label: 'See the applications', url: p.link },
      }),
  },
  'match-proposed': {
    kind: 'essential',
    render: (p) =>
      layout({
        subject: `You have been put forward for ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [`You have been proposed for "${p.opportunityTitle}". A partnership lead will confirm it soon; we will email you when they do.`],
        action: { label: 'See your matches', url: p.link },
      }),
  },
  'match-to-decide': {
    kind: 'matches',
    render: (p) =>
      layout({
        subject: `A match to approve: ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [`${p.practitionerName} has been proposed for "${p.opportunityTitle}" and waits for a lead's decision.`],
        action: { label: 'Approve or reject', url: p.link },
      }),
  },
  'match-approved': {
    kind: 'essential',
    render: (p, sender) => ({
      ...layout({
        subject: `Confirmed: ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [
          `Good news: your place on "${p.opportunityTitle}" is confirmed.`,
          ...(p.note ? [`A note from the partnership lead: ${p.note}`] : []),
          `The sessions (London time) are below; the attached calendar invitation holds every one of them.`,
        ],
        ...sessionList(p.sessions),
        action: { label: 'See the opportunity', url: p.link },
      }),
      calendar: calendarInvite({
        uid: `match-${p.matchId}`,
        title: p.opportunityTitle,
        description: `${p.partnershipName}: ${p.link}`,
        organizer: sender,
        attendee: { name: p.recipientName, email: p.recipientEmail },
        sessions: p.sessions,
      }),
    }),
  },
  'match-approved-host': {
    kind: 'matches',
    render: (p) =>
      layout({
        subject: `${p.practitionerName} will join ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [`A partnership lead has approved ${p.practitionerName} for "${p.opportunityTitle}".`],
        action: { label: 'See the matches', url: p.link },
      }),
  },
  'match-rejected': {
    kind: 'essential',
    render: (p) =>
      layout({
        subject: `About your application for ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [
          `Thank you for offering your time for "${p.opportunityTitle}". This time the place has gone to someone else.`,
          ...(p.note ? [`A note from the partnership lead: ${p.note}`] : []),
          'Your experience matters to the partnership, and we hope to see you apply for the next opportunity that suits you.',
        ],
        action: { label: 'Find other opportunities', url: p.link },
      }),
  },
  'opportunity-updated': {
    kind: 'opportunity_changes',
    render: (p) =>
      layout({
        subject: `Changed: ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [`"${p.opportunityTitle}", which you applied for, has changed. Please check the details and the session times.`],
        action: { label: 'See the opportunity', url: p.link },
      }),
  },
  'opportunity-cancelled': {
    kind: 'essential',
    render: (p) =>
      layout({
        subject: `Cancelled: ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [`"${p.opportunityTitle}" has been cancelled.`, ...(p.reason ? [`The reason given: ${p.reason}`] : []), 'Any sessions in your calendar for it will not take place.'],
        action: { label: 'See the opportunity', url: p.link },
      }),
  },
  'opportunity-filled': {
    kind: 'opportunity_changes',
    render: (p) =>
      layout({
        subject: `All places taken: ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [
          `Thank you for applying for "${p.opportunityTitle}". Every place has now been filled, so your application will not go further this time.`,
          'New opportunities come up often; we hope you find another that suits you.',
        ],
        action: { label: 'Find other opportunities', url: p.link },
      }),
  },
  invitation: {
    kind: 'essential',
    render: (p, _sender, signed) =>
      layout({
        subject: 'You are invited to the Teaching Partnership Marketplace',
        partnershipName: 'Teaching Partnership Marketplace',
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [
          `You have been invited to join the Teaching Partnership Marketplace as ${ROLES[p.role] ?? p.role}.`,
          `Choose your password with the link below before ${londonTime(p.expiresAt)}.`,
        ],
        action: { label: 'Choose your password', url: signed.acceptInvitation(p.invitationId) },
        footer: 'If you did not expect this invitation, you can ignore this email.',
      }),
  },
  'password-reset': {
    kind: 'essential',
    render: (p, _sender, signed) =>
      layout({
        subject: 'Reset your password',
        partnershipName: 'Teaching Partnership Marketplace',
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [
          'Someone, we hope you, asked to reset the password of your Teaching Partnership Marketplace account.',
          `Choose a new password with the link below before ${londonTime(p.expiresAt)}. The link works once.`,
        ],
        action: { label: 'Choose a new password', url: signed.resetPassword(p.resetId) },
        footer: 'If you did not ask, you can ignore this email: your password stays as it is.',
      }),
  },
  'recommended-for-you': {
    kind: 'recommendations',
    render: (p) =>
      layout({
        subject: `Recommended for you: ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [
          `"${p.opportunityTitle}" fits your profile.`,
          ...(p.reasons.length > 0 ? [`Why: ${p.reasons.join('; ')}.`] : []),
          'Have a look, and apply if you would like to take part.',
        ],
        action: { label: 'See the opportunity', url: p.link },
      }),
  },
  'recommendations-ready': {
    kind: 'matches',
    render: (p) =>
      layout({
        subject: `${p.count} ${p.count === 1 ? 'practitioner' : 'practitioners'} recommended for ${p.opportunityTitle}`,
        partnershipName: p.partnershipName,
        greeting: `Dear ${p.recipientName},`,
        paragraphs: [
          `The matching found ${p.count} new ${p.count === 1 ? 'practitioner who fits' : 'practitioners who fit'} "${p.opportunityTitle}", with the reasons for each.`,
          'You can propose a match straight from a recommendation.',
        ],
        action: { label: 'See the recommendations', url: p.link },
      }),
  },
  'subscription-confirm': {
    kind: 'essential',
    render: (p, _sender, signed) =>
      layout({
        subject: 'Confirm your subscription to new opportunities',
        partnershipName: 'Teaching Partnership Marketplace',
        greeting: 'Hello,',
        paragraphs: [
          `Someone, we hope you, asked for ${p.frequency === 'instant' ? 'an email about each new opportunity' : `a ${p.frequency} email of new opportunities`} at this address.`,
          'Nothing more will be sent unless you confirm.',
        ],
        action: { label: 'Confirm my subscription', url: signed.confirmSubscription(p.pendingSubscriptionId) },
        footer: 'If it was not you, ignore this email and you will hear nothing more.',
      }),
  },
  digest: {
    kind: 'subscription',
    render: (p) => {
      const shown = p.opportunities;
      const lines = shown.map(digestLine);
      return layout({
        subject: p.frequency === 'instant' ? `New opportunity for you: ${shown[0]?.title ?? ''}` : `${p.total} new ${p.total === 1 ? 'opportunity' : 'opportunities'} for you`,
        partnershipName: 'Teaching Partnership Marketplace',
        greeting: 'Hello,',
        paragraphs: [
          p.frequency === 'instant'
            ? 'A new opportunity matches what you asked for.'
            : `Your ${p.frequency} digest: ${p.total} new ${p.total === 1 ? 'opportunity matches' : 'opportunities match'} what you asked for${p.total > shown.length ? `; here are the first ${shown.length}` : ''}.`,
        ],
        extraHtml: new Html(`<ul>${lines.map((line) => line.html).join('')}</ul>`),
        extraText: lines.map((line) => line.text).join('\n'),
        action: { label: 'See all opportunities', url: p.moreLink },
      });
    },
  },
};

/**
 * One opportunity's lines in a digest, made once and reused: a run's digests list the same few
 * hundred opportunities again and again, and formatting their times is most of a digest's
 * rendering. Keyed by everything the lines are made of, so a changed opportunity is made afresh.
 */
const digestLines = new Map<string, { html: string; text: string }>();
const DIGEST_LINES_KEPT = 10_000;

function digestLine(o: DigestItem): { html: string; text: string } {
  // NUL cannot occur in PostgreSQL text, so no two items share a key.
  const key = `${o.link}\0${o.title}\0${o.type}\0${o.partnershipName}\0${o.firstSessionAt ?? ''}\0${o.closesAt}`;
  let made = digestLines.get(key);
  if (!made) {
    const line = `${TYPE_NAMES[o.type] ?? o.type}: ${o.title} (${o.partnershipName})${o.firstSessionAt ? `, from ${londonTime(o.firstSessionAt)}` : ''}; apply by ${londonTime(o.closesAt)}`;
    made = { html: html`<li><a href="${o.link}">${o.title}</a>: ${line.slice(line.indexOf('(') - 1)}</li>`.value, text: `- ${line}\n  ${o.link}` };
    // Cleared rather than grown: more than this is not one run's opportunities.
    if (digestLines.size >= DIGEST_LINES_KEPT) digestLines.clear();
    digestLines.set(key, made);
  }
  return made;
}

export function render<N extends TemplateName>(name: N, params: TemplateParams[N], sender: Sender, signed: SignedLinks): RenderedEmail {
  return TEMPLATES[name].render(params, sender, signed);
}
