import { Injectable } from '@nestjs/common';
import {
  type AdminCouponListQuery,
  type AdminCouponTemplate,
  type AdminCouponTemplatePage,
  type CouponTemplate,
  type CouponTemplateInput,
  type CouponTemplateUpdate,
  type FieldError,
} from '@sutwxapp/contracts';
import { In } from 'typeorm';
import { Errors } from '../../common/errors/app-error';
import { insertRow } from '../../database/insert-row';
import { TransactionService } from '../../database/transaction.service';
import { toTemplate } from './coupon.service';
import { CouponTemplateEntity, UserCouponEntity } from './entities/coupon.entity';

/** What a shopper's claimed coupon was promised: fixed once the first coupon is claimed. */
const RULE_FIELDS = [
  'kind',
  'thresholdFen',
  'amountFen',
  'percentOff',
  'maxDiscountFen',
  'scope',
  'scopeIds',
  'validFrom',
  'validTo',
  'validDays',
] as const;

/** Fields that may be null in a template (an absent validity bound); the rest can't be nulled. */
const NULLABLE: ReadonlySet<string> = new Set(['validFrom', 'validTo', 'validDays']);

/**
 * Operators' coupon templates: create, list with usage, change. Name, quantity, per-shopper limit
 * and issuing change at any time; the rules only until the first claim (shoppers keep the terms
 * they claimed; stop the template and create another instead).
 */
@Injectable()
export class CouponTemplatesService {
  constructor(private readonly tx: TransactionService) {}

  async create(input: CouponTemplateInput): Promise<CouponTemplate> {
    const id = await insertRow(this.tx.manager, CouponTemplateEntity, { ...templateValues(input), claimedCount: 0 });
    return toTemplate(await this.template(id));
  }

  async page(q: AdminCouponListQuery & { page: number; pageSize: number }): Promise<AdminCouponTemplatePage> {
    const [rows, total] = await this.tx.manager.findAndCount(CouponTemplateEntity, {
      where: q.issuing === undefined ? {} : { issuing: q.issuing },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const usage = await this.usage(rows.map((r) => r.id));
    return {
      items: rows.map((r) => toAdminTemplate(r, usage.get(r.id))),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async update(id: number, patch: CouponTemplateUpdate, attempt = 1): Promise<CouponTemplate> {
    const current = await this.template(id);
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as CouponTemplateUpdate;
    const nulled = Object.keys(given).filter(
      (k) => given[k as keyof CouponTemplateUpdate] === null && !NULLABLE.has(k),
    );
    if (nulled.length) {
      throw Errors.VALIDATION_FAILED(`${nulled.join('、')} 不能为空`, {
        errors: nulled.map((field) => ({ field, message: '不能为空' })),
      });
    }
    const next = templateValues({ ...inputOf(current), ...given });
    const changedRules = RULE_FIELDS.filter((f) => !sameValue(current[f], next[f]));
    if (changedRules.length && current.claimedCount > 0) {
      throw Errors.COUPON_TEMPLATE_IN_USE(
        `已有 ${current.claimedCount} 张被领取，优惠规则、适用范围和有效期不能再改（可停发后新建一张券）`,
        { details: { claimedCount: current.claimedCount, fields: changedRules } },
      );
    }
    if (next.totalQuantity! < current.claimedCount) {
      throw Errors.VALIDATION_FAILED(`发放总量不能少于已领取的 ${current.claimedCount} 张`, {
        errors: [{ field: 'totalQuantity', message: `至少 ${current.claimedCount}` }],
      });
    }
    // conditional, like a claim: rules change only while nothing is claimed, the quantity never
    // drops below what is claimed, whatever claims land between the read above and this write
    const res = await this.tx.manager
      .createQueryBuilder()
      .update(CouponTemplateEntity)
      .set(next)
      .where(changedRules.length ? 'id = :id AND claimed_count = 0' : 'id = :id AND claimed_count <= :total', {
        id,
        total: next.totalQuantity,
      })
      .execute();
    if (res.affected !== 1) {
      if (attempt < 3) return this.update(id, patch, attempt + 1);
      throw Errors.CONFLICT('优惠券正在被领取，请刷新后重试');
    }
    return toTemplate(await this.template(id));
  }

  /** Used and locked coupons per template, in one grouped query. */
  private async usage(ids: number[]): Promise<Map<number, { used: number; locked: number }>> {
    const usage = new Map<number, { used: number; locked: number }>();
    if (ids.length === 0) return usage;
    const rows = await this.tx.manager
      .createQueryBuilder(UserCouponEntity, 'c')
      .select('c.templateId', 'templateId')
      .addSelect('c.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where({ templateId: In(ids), status: In(['USED', 'LOCKED']) })
      .groupBy('c.templateId')
      .addGroupBy('c.status')
      .getRawMany<{ templateId: number | string; status: string; n: number | string }>();
    for (const r of rows) {
      const u = usage.get(Number(r.templateId)) ?? { used: 0, locked: 0 };
      if (r.status === 'USED') u.used = Number(r.n);
      else u.locked = Number(r.n);
      usage.set(Number(r.templateId), u);
    }
    return usage;
  }

  private async template(id: number): Promise<CouponTemplateEntity> {
    const t = await this.tx.manager.findOneBy(CouponTemplateEntity, { id });
    if (!t) throw Errors.COUPON_NOT_FOUND('优惠券模板不存在');
    return t;
  }
}

function toAdminTemplate(t: CouponTemplateEntity, usage?: { used: number; locked: number }): AdminCouponTemplate {
  return {
    ...toTemplate(t),
    usedCount: usage?.used ?? 0,
    lockedCount: usage?.locked ?? 0,
    createdAt: t.createdAt.toISOString(),
  };
}

/** The stored template as the input that would create it (the base a PATCH is laid over). */
function inputOf(t: CouponTemplateEntity): CouponTemplateInput {
  return {
    name: t.name,
    kind: t.kind,
    thresholdFen: t.thresholdFen,
    amountFen: t.amountFen,
    percentOff: t.kind === 'PERCENT' ? t.percentOff : undefined,
    maxDiscountFen: t.maxDiscountFen,
    scope: t.scope,
    scopeIds: t.scopeIds ?? undefined,
    validFrom: t.validFrom?.toISOString() ?? null,
    validTo: t.validTo?.toISOString() ?? null,
    validDays: t.validDays,
    totalQuantity: t.totalQuantity,
    perUserLimit: t.perUserLimit,
    issuing: Boolean(t.issuing),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return (a instanceof Date ? a.getTime() : a) === (b instanceof Date ? b.getTime() : b);
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A complete, consistent template from the input, or 400 naming every problem (in Chinese, for operators). */
function templateValues(input: CouponTemplateInput): Omit<Partial<CouponTemplateEntity>, 'claimedCount'> {
  const problems: FieldError[] = [];
  const amount = input.amountFen ?? 0;
  if (input.kind !== 'PERCENT' && amount < 1) problems.push({ field: 'amountFen', message: '减免金额至少 0.01 元' });
  if (input.kind === 'THRESHOLD' && (input.thresholdFen ?? 0) <= amount) {
    problems.push({ field: 'thresholdFen', message: '满减门槛必须大于减免金额' });
  }
  if (input.kind === 'PERCENT' && !(input.percentOff && input.percentOff >= 1 && input.percentOff <= 99)) {
    problems.push({ field: 'percentOff', message: '折扣比例为 1 到 99（%）' });
  }
  const scope = input.scope ?? 'ALL';
  if (scope !== 'ALL' && !input.scopeIds?.length) {
    problems.push({ field: 'scopeIds', message: '指定分类或商品时至少选择一个' });
  }
  const validFrom = input.validFrom ? new Date(input.validFrom) : null;
  const validTo = input.validTo ? new Date(input.validTo) : null;
  if (!input.validDays && !validTo) problems.push({ field: 'validTo', message: '请填写结束时间或领取后有效天数' });
  if (validFrom && validTo && validTo <= validFrom) {
    problems.push({ field: 'validTo', message: '结束时间必须晚于开始时间' });
  }
  if (problems.length) {
    throw Errors.VALIDATION_FAILED(`优惠券设置有误：${problems.map((p) => p.message).join('；')}`, {
      errors: problems,
    });
  }
  return {
    name: input.name.trim(),
    kind: input.kind,
    thresholdFen: input.kind === 'THRESHOLD' ? (input.thresholdFen ?? 0) : 0,
    amountFen: input.kind === 'PERCENT' ? 0 : amount,
    percentOff: input.kind === 'PERCENT' ? input.percentOff! : 0,
    maxDiscountFen: input.kind === 'PERCENT' ? (input.maxDiscountFen ?? 0) : 0,
    scope,
    scopeIds: scope === 'ALL' ? null : input.scopeIds!,
    validFrom,
    validTo,
    validDays: input.validDays ?? null,
    totalQuantity: input.totalQuantity,
    perUserLimit: input.perUserLimit ?? 1,
    issuing: input.issuing ?? true,
  };
}
