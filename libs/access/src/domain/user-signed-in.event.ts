import { DomainEvent } from '@oms/core';

export interface UserSignedInPayload {
  userId: string;
  sessionId: string;
}

export class UserSignedIn extends DomainEvent<UserSignedInPayload> {
  static override readonly type = 'access.user-signed-in';
  static override readonly version = 1;
}
