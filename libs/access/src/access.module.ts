import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@oms/core';
import { AuthService } from './application/auth.service.js';
import { RolesService } from './application/roles.service.js';
import { UsersService } from './application/users.service.js';
import { RecordSignInHandler } from './application/record-sign-in.handler.js';
import { UserSeeder } from './application/user-seeder.js';
import { AuthController } from './http/auth.controller.js';
import { AuthGuard } from './http/auth.guard.js';
import { PermissionCatalogController, RolesController } from './http/roles.controller.js';
import { UsersController } from './http/users.controller.js';
import { LoginThrottle } from './infrastructure/login-throttle.js';
import { PasswordHasher } from './infrastructure/password-hasher.js';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256', issuer: 'oms' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'oms' },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, RolesController, PermissionCatalogController],
  providers: [
    AuthService,
    UsersService,
    RolesService,
    LoginThrottle,
    PasswordHasher,
    UserSeeder,
    RecordSignInHandler,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, UserSeeder],
})
export class AccessModule {}
