import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import type { AdminProfile, OperatorList, OperatorView } from '@sutwxapp/contracts';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { IdParam } from '../../common/parse-id.pipe';
import { AdminAccountService } from './admin-account.service';
import { ChangePasswordDto, CreateOperatorDto, ResetPasswordDto, UpdateOperatorDto } from './dto/auth.dto';
import { AdminOnly, CurrentOperatorRole, CurrentUserId } from './guards/auth.guard';

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

  @Get('admin/account')
  @ApiRoute({ summary: 'The calling operator and their role', ok: { 200: 'AdminProfile' } })
  account(
    @CurrentUserId() adminId: number,
    @CurrentOperatorRole() operatorRole: AdminProfile['operatorRole'],
  ): Promise<AdminProfile> {
    return this.admins.profile(adminId, operatorRole);
  }

  @Get('admin/operators')
  @ApiRoute({ summary: 'Every operator with their role (owner only)', ok: { 200: 'OperatorList' } })
  list(): Promise<OperatorList> {
    return this.admins.list();
  }

  @Post('admin/operators')
  @ApiRoute({
    summary: 'Create an operator with a role (owner only)',
    body: 'CreateOperatorRequest',
    ok: { 201: 'OperatorView' },
    errors: { 409: ['CONFLICT'] },
  })
  create(@Body() dto: CreateOperatorDto): Promise<OperatorView> {
    return this.admins.createOperator(dto.username, dto.password, dto.operatorRole);
  }

  @Patch('admin/operators/:id')
  @ApiRoute({
    summary: "Change an operator's role (owner only); it holds from their next request",
    body: 'UpdateOperatorRequest',
    ok: { 200: 'OperatorView' },
    errors: { 404: ['NOT_FOUND'], 409: ['CONFLICT'] },
  })
  update(
    @CurrentUserId() actorId: number,
    @IdParam() id: number,
    @Body() dto: UpdateOperatorDto,
  ): Promise<OperatorView> {
    return this.admins.setRole(actorId, id, dto.operatorRole);
  }

  @Post('admin/operators/:id/enable')
  @HttpCode(204)
  @ApiRoute({
    summary: 'Enable a disabled operator again (owner only)',
    ok: { 204: null },
    errors: { 404: ['NOT_FOUND'] },
  })
  enable(@IdParam() id: number): Promise<void> {
    return this.admins.enable(id);
  }
}
