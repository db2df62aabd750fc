import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminAccountService } from './admin-account.service';
import { ChangePasswordDto, ResetPasswordDto } from './dto/auth.dto';
import { AdminOnly, CurrentUserId } from './guards/auth.guard';

/** Operator sessions: each of these ends the operator's tokens at once, on every replica. */
@ApiTags('admin-operators')
@Controller()
@AdminOnly()
export class AdminOperatorsController {
  constructor(private readonly admins: AdminAccountService) {}

  @Post('admin/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Log out: every token of the calling operator stops working' })
  @ApiNoContentResponse({ description: 'signed out everywhere' })
  logout(@CurrentUserId() adminId: number): Promise<void> {
    return this.admins.logout(adminId);
  }

  @Post('admin/account/password')
  @HttpCode(204)
  @ApiOperation({ summary: "Change the calling operator's password; their tokens stop working" })
  @ApiNoContentResponse({ description: 'password changed; sign in again' })
  changePassword(@CurrentUserId() adminId: number, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.admins.changePassword(adminId, dto.currentPassword, dto.newPassword);
  }

  @Post('admin/operators/:id/password')
  @HttpCode(204)
  @ApiOperation({ summary: "Reset another operator's password; their tokens stop working" })
  @ApiNoContentResponse({ description: 'password reset' })
  resetPassword(@IdParam() id: number, @Body() dto: ResetPasswordDto): Promise<void> {
    return this.admins.resetPassword(id, dto.newPassword);
  }

  @Post('admin/operators/:id/disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Disable an operator: no more logins, their tokens stop working' })
  @ApiNoContentResponse({ description: 'operator disabled' })
  disable(@CurrentUserId() actorId: number, @IdParam() id: number): Promise<void> {
    return this.admins.disable(actorId, id);
  }
}
