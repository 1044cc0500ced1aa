import { Query } from '@nestjs/cqrs';

/** Whether an unsubscribe link was signed here and names a kind of email: answers nothing when so, a 400 when not. */
export class CheckUnsubscribeLinkQuery extends Query<void> {
  constructor(readonly token: string) {
    super();
  }
}
