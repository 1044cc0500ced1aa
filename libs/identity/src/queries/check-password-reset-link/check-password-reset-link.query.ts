import { Query } from '@nestjs/cqrs';

/** Whether a reset link still works, without using it: answers nothing when it does, a 400 when not. */
export class CheckPasswordResetLinkQuery extends Query<void> {
  constructor(readonly token: string) {
    super();
  }
}
