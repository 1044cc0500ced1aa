import { IsString, MinLength } from 'class-validator';
import { SetInProduction } from '#libs/config';

export const DEVELOPMENT_LINK_SECRET = 'development-only-link-secret-not-for-production';

/**
 * The rules of LINK_SECRET, which signs the links in emails (invitations, confirming, unsubscribing):
 * the API and the notification worker each declare it, and must be given the same value.
 */
export const LinkSecret = (): PropertyDecorator => (target, property) => {
  IsString()(target, property);
  MinLength(32)(target, property);
  SetInProduction(DEVELOPMENT_LINK_SECRET)(target, property);
};
