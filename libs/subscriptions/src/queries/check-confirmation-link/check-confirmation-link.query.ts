import { Query } from '@nestjs/cqrs';

/** Whether a confirmation link was signed here, for this: answers nothing when it was, a 400 when not. */
export class CheckConfirmationLinkQuery extends Query<void> {
  constructor(readonly token: string) {
    super();
  }
}
