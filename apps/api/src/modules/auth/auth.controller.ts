import { Body, Controller, Get, HttpCode, Patch, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiTags } from '@nestjs/swagger';
import type { AdminLoginResponse, LoginResponse, UserProfile } from '@sutwxapp/contracts';
import { AdminAccountService } from './admin-account.service';
import { AuthService } from './auth.service';
import { AdminLoginDto, UpdateProfileDto, WechatLoginDto } from './dto/auth.dto';
import { CurrentUserId, ShopperOnly } from './guards/auth.guard';

@ApiTags('auth')
@Controller('auth')
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly admins: AdminAccountService,
  ) {}

  @Post('wechat-login')
  @HttpCode(200)
  wechatLogin(@Body() dto: WechatLoginDto): Promise<LoginResponse> {
    return this.auth.wechatLogin(dto.code);
  }

  @Post('admin-login')
  @HttpCode(200)
  adminLogin(@Body() dto: AdminLoginDto): Promise<AdminLoginResponse> {
    return this.admins.login(dto.username, dto.password);
  }
}

@ApiTags('me')
@Controller('me')
@ShopperOnly()
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  me(@CurrentUserId() userId: number): Promise<UserProfile> {
    return this.auth.profile(userId);
  }

  @Patch()
  update(@CurrentUserId() userId: number, @Body() dto: UpdateProfileDto): Promise<UserProfile> {
    return this.auth.updateProfile(userId, dto);
  }
}
