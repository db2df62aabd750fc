import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
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
  @ApiRoute({ summary: 'Log out: every token of the calling operator stops working', ok: { 204: null } })
  logout(@CurrentUserId() adminId: number): Promise<void> {
    return this.admins.logout(adminId);
  }

  @Post('admin/account/password')
  @HttpCode(204)
  @ApiRoute({
    summary: "Change the calling operator's password; their tokens stop working",
    body: 'ChangePasswordRequest',
    ok: { 204: null },
    errors: { 400: ['INVALID_CREDENTIALS'] },
  })
  changePassword(@CurrentUserId() adminId: number, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.admins.changePassword(adminId, dto.currentPassword, dto.newPassword);
  }

  @Post('admin/operators/:id/password')
  @HttpCode(204)
  @ApiRoute({
    summary: "Reset another operator's password; their tokens stop working",
    body: 'ResetPasswordRequest',
    ok: { 204: null },
    errors: { 404: ['NOT_FOUND'] },
  })
  resetPassword(@IdParam() id: number, @Body() dto: ResetPasswordDto): Promise<void> {
    return this.admins.resetPassword(id, dto.newPassword);
  }

  @Post('admin/operators/:id/disable')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Disable an operator: no more logins, their tokens stop working',
    ok: { 204: null },
    errors: { 404: ['NOT_FOUND'], 409: ['CONFLICT'] },
  })
  disable(@CurrentUserId() actorId: number, @IdParam() id: number): Promise<void> {
    return this.admins.disable(actorId, id);
  }
}
