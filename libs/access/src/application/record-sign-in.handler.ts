import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@oms/core';
import { UserSignedIn } from '../domain/user-signed-in.event.js';

/** Keeps each user's sign-in count and last sign-in time (shown on the users screen). */
@EventsHandler(UserSignedIn)
export class RecordSignInHandler implements IEventHandler<UserSignedIn> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(event: UserSignedIn): Promise<void> {
    await this.uow.manager.query(
      `UPDATE users SET sign_in_count = sign_in_count + 1,
         last_sign_in_at = GREATEST(last_sign_in_at, $2)
       WHERE id = $1`,
      [event.payload.userId, event.occurredAt],
    );
  }
}
