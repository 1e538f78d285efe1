import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser, Public, RequestContext } from '@oms/core';
import type { Request } from 'express';
import { AuthService } from '../application/auth.service.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { LogoutDto, RefreshDto } from './dto/refresh.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password' })
  login(@Body() dto: LoginDto, @Req() req: Request) {
    return this.auth.login(dto.email, dto.password, { userAgent: req.headers['user-agent'], ip: req.ip });
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair' })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the current session' })
  async logout(@CurrentUser() user: AuthenticatedUser, @Body() _dto: LogoutDto) {
    await this.auth.logout(user.sessionId, user.id);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who I am, my roles, scopes and the rules the panel uses to show what I may do' })
  me(@CurrentUser() user: AuthenticatedUser) {
    const ability = RequestContext.current()?.ability;
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      roleIds: user.roleIds,
      roles: user.roles,
      warehouseIds: user.warehouseIds,
      channelIds: user.channelIds,
      // The rules with the user's own values filled in, exactly as the server applies them.
      permissions: ability?.rules ?? [],
    };
  }

  @Post('change-password')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change my password; my other sessions end' })
  async changePassword(@CurrentUser() user: AuthenticatedUser, @Body() dto: ChangePasswordDto) {
    await this.auth.changePassword(user.id, user.sessionId, dto.currentPassword, dto.newPassword);
  }
}
