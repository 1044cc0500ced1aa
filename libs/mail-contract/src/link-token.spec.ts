import { signLinkToken, verifyLinkToken } from './link-token.js';

const secret = 'a secret of at least thirty-two characters';

describe('link tokens', () => {
  it('give back the claims they were signed with, for their purpose only', () => {
    const token = signLinkToken(secret, { purpose: 'unsubscribe', subscriptionId: 'abc' });
    expect(verifyLinkToken(secret, token, 'unsubscribe')).toEqual({ purpose: 'unsubscribe', subscriptionId: 'abc' });
    expect(verifyLinkToken(secret, token, 'confirm')).toBeNull();
  });

  it.each([
    ['another secret', (t: string) => t, 'another secret of thirty-two characters or more'],
    ['changed claims', (t: string) => `${Buffer.from(JSON.stringify({ purpose: 'unsubscribe', subscriptionId: 'xyz' })).toString('base64url')}.${t.split('.')[1]}`, secret],
    ['a cut signature', (t: string) => t.slice(0, -2), secret],
    ['no signature', (t: string) => t.split('.')[0]!, secret],
    ['garbage', () => 'not-a-token', secret],
  ])('refuse %s', (_, tamper, key) => {
    const token = signLinkToken(secret, { purpose: 'unsubscribe', subscriptionId: 'abc' });
    expect(verifyLinkToken(key, tamper(token), 'unsubscribe')).toBeNull();
  });
});
