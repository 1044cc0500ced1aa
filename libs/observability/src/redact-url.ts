/**
 * A request URL fit for the logs: the tokens that email links and the queue dashboard carry (in the
 * query, or as the last path segment of a confirm or unsubscribe link) would let anyone reading the
 * logs accept an invitation or act on a subscription.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&]token=)[^&#]*/gi, '$1[redacted]')
    .replace(/(\/(?:confirm|unsubscribe)\/)[^/?#]+/g, '$1[redacted]');
}
