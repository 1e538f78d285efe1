import { Module } from '@nestjs/common';
import { AccessModule } from '@oms/access';
import { CoreHttpModule } from '@oms/core';

/** The HTTP side: REST for the admin panel, auth, health, docs. */
@Module({ imports: [CoreHttpModule, AccessModule] })
export class ApiModule {}
