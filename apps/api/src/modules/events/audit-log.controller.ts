import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditLogPage } from '@sutwxapp/contracts';
import { ApiRoute } from '../../common/openapi/api-route.decorator';
import { AdminOnly } from '../auth/guards/auth.guard';
import { AuditLogService } from './audit-log.service';
import { AuditLogQueryDto } from './dto/audit-log-query.dto';

/** Owner only (no other role has a row in the permission table): who did what, when, from where. */
@ApiTags('admin')
@Controller('admin/audit-log')
@AdminOnly()
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @ApiRoute({
    summary: 'The audit trail: operators’ writes and WeChat Pay notifications, by operator, kind and time',
    description:
      'Each row says who (operator id and username), what (kind, action, target, the request’s key facts), ' +
      'when, from where (client IP and user agent) and how it ended (status, error code).',
    ok: { 200: 'AuditLogPage' },
  })
  list(@Query() query: AuditLogQueryDto): Promise<AuditLogPage> {
    return this.auditLog.page(query);
  }
}
