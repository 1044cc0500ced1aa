import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it.each([
    ['/api/invitations/accept?token=abc.def&x=1', '/api/invitations/accept?token=[redacted]&x=1'],
    ['/api/admin/queues?token=eyJhbGciOi', '/api/admin/queues?token=[redacted]'],
    ['/api/subscriptions/confirm/eyJwdXJwb3Nl.sig', '/api/subscriptions/confirm/[redacted]'],
    ['/api/unsubscribe/eyJ0b2tlbg.sig?x=1', '/api/unsubscribe/[redacted]?x=1'],
    ['/api/opportunities?q=child', '/api/opportunities?q=child'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
