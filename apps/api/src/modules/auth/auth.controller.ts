import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import type { AdminLoginResponse, LoginResponse } from '@sutwxapp/contracts';
import { AdminAccountService } from './admin-account.service';
import { AuthService } from './auth.service';
import { AdminLoginDto, WechatLoginDto } from './dto/auth.dto';

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
  @ApiRoute({
    summary: 'Sign a shopper in with the code from wx.login()',
    body: 'WechatLoginRequest',
    ok: { 200: 'LoginResponse' },
    errors: {
      401: ['INVALID_LOGIN_CODE'],
      403: ['WECHAT_LOGIN_BLOCKED'],
      429: ['TOO_MANY_REQUESTS', 'WECHAT_RATE_LIMITED'],
      503: ['WECHAT_UNAVAILABLE'],
    },
  })
  wechatLogin(@Body() dto: WechatLoginDto): Promise<LoginResponse> {
    return this.auth.wechatLogin(dto.code);
  }

  @Post('admin-login')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Sign an operator in with username and password',
    body: 'AdminLoginRequest',
    ok: { 200: 'AdminLoginResponse' },
    errors: { 401: ['INVALID_CREDENTIALS'], 429: ['TOO_MANY_REQUESTS'] },
  })
  adminLogin(@Body() dto: AdminLoginDto): Promise<AdminLoginResponse> {
    return this.admins.login(dto.username, dto.password);
  }
}
