import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_KINDS, type AuditKind, type AuditLogQuery } from '@sutwxapp/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';
import { IsRowId } from '../../../common/parse-id.pipe';

export class AuditLogQueryDto extends PageQueryDto implements AuditLogQuery {
  @ApiPropertyOptional({ description: "an operator's admin account id" })
  @IsOptional()
  @Type(() => Number)
  @IsRowId('operatorId')
  operatorId?: number;

  @ApiPropertyOptional({ enum: AUDIT_KINDS })
  @IsOptional()
  @IsIn(AUDIT_KINDS, { message: `kind must be one of: ${AUDIT_KINDS.join(', ')}` })
  kind?: AuditKind;

  @ApiPropertyOptional({
    description: 'at or after; a date-time with its offset',
    example: '2026-01-01T00:00:00+08:00',
    format: 'date-time',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time, e.g. 2026-01-01T00:00:00+08:00' })
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: 'before; a date-time with its offset', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time, e.g. 2026-01-02T00:00:00+08:00' })
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ enum: ['newest', 'oldest'], default: 'newest' })
  @IsOptional()
  @IsIn(['newest', 'oldest'], { message: 'sort must be newest or oldest' })
  sort?: 'newest' | 'oldest';
}
