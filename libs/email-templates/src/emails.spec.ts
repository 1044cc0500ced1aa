import { render } from './emails.js';

const sender = { name: 'Teaching Partnership Marketplace', email: 'no-reply@example.org' };
const signed = { acceptInvitation: () => '', resetPassword: () => '', confirmSubscription: () => '' };
const about = { partnershipName: 'Norfolk and Suffolk', recipientName: 'Alex Rivers', opportunityTitle: 'Court skills <workshop>', link: 'https://tpm.example.org/x' };

describe('the emails about a decision', () => {
  it('confirms an approved place with the lead’s note, the sessions in London time and a calendar invitation', () => {
    const sessions = [{ startsAt: '2027-07-01T09:00:00.000Z', endsAt: '2027-07-01T11:00:00.000Z', place: 'UEA', onlineLink: null }];
    const email = render('match-approved', { ...about, note: 'Welcome aboard.', matchId: 'm1', sessions, recipientEmail: 'alex@example.org' }, sender, signed);
    expect(email.subject).toBe('Confirmed: Court skills <workshop>');
    expect(email.text).toContain('A note from the partnership lead: Welcome aboard.');
    expect(email.text).toContain('Thu, 1 Jul 2027, 10:00 BST');
    expect(email.html).toContain('Court skills &lt;workshop&gt;');
    expect(email.calendar).toContain('UID:match-m1-1');
  });

  it('tells a practitioner who was not chosen kindly, and leaves out a note that was not given', () => {
    const email = render('match-rejected', { ...about, note: null }, sender, signed);
    expect(email.subject).toBe('About your application for Court skills <workshop>');
    expect(email.text).toContain('Thank you for offering your time');
    expect(email.text).not.toContain('A note from');
  });
});

describe('the password reset email', () => {
  it('links to choosing a new password, says until when in London time, and works in both parts', () => {
    const links = { ...signed, resetPassword: (resetId: string) => `https://tpm.example.org/password-reset/token-for-${resetId}` };
    const email = render('password-reset', { recipientName: 'Alex <Rivers>', resetId: 'r1', expiresAt: '2027-07-01T09:00:00.000Z' }, sender, links);
    expect(email.subject).toBe('Reset your password');
    expect(email.text).toContain('Choose a new password: https://tpm.example.org/password-reset/token-for-r1');
    expect(email.text).toContain('Thu, 1 Jul 2027, 10:00 BST');
    expect(email.html).toContain('href="https://tpm.example.org/password-reset/token-for-r1"');
    expect(email.html).toContain('Dear Alex &lt;Rivers&gt;,');
  });
});

describe('the digest', () => {
  const item = { title: 'Court skills <workshop>', type: 'teaching', partnershipName: 'Norfolk and Suffolk', firstSessionAt: '2027-07-01T09:00:00.000Z' as string | null, closesAt: '2027-06-20T22:00:00.000Z', link: 'https://tpm.example.org/o/1' };
  const digest = (opportunities: (typeof item)[]) => render('digest', { subscriptionId: 's1', frequency: 'daily', total: opportunities.length, opportunities, moreLink: 'https://tpm.example.org/all' }, sender, signed);

  it('lists each opportunity with its times in London time, escaped in the HTML part', () => {
    const email = digest([item]);
    expect(email.text).toContain('- Teaching: Court skills <workshop> (Norfolk and Suffolk), from Thu, 1 Jul 2027, 10:00 BST; apply by Sun, 20 Jun 2027, 23:00 BST\n  https://tpm.example.org/o/1');
    expect(email.html).toContain('<li><a href="https://tpm.example.org/o/1">Court skills &lt;workshop&gt;</a>:  (Norfolk and Suffolk), from Thu, 1 Jul 2027, 10:00 BST; apply by Sun, 20 Jun 2027, 23:00 BST</li>');
  });

  it('renders an opportunity listed before the same way again, and one that changed since as it is now', () => {
    expect(digest([item, { ...item, link: 'https://tpm.example.org/o/2' }])).toEqual(digest([item, { ...item, link: 'https://tpm.example.org/o/2' }]));
    const changed = digest([{ ...item, title: 'Court skills, part two', firstSessionAt: null }]);
    expect(changed.text).toContain('- Teaching: Court skills, part two (Norfolk and Suffolk); apply by');
    expect(changed.html).not.toContain('&lt;workshop&gt;');
  });
});
