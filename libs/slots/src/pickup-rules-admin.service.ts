import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { FieldProblem, ListPage, ListQuery } from '@kassa/shared';
import { CapacityRuleEntity } from './capacity-rule.entity';
import { CapacityRuleDto, CapacityRuleResponse, PickupExceptionDto, PickupExceptionResponse } from './dto/pickup-admin.dto';
import { windowProblems } from './engine/schedule-problems';
import { isCalendarDate } from '@kassa/shared';
import { PickupConfigService } from './pickup-config.service';
import { PickupException } from './pickup-exception.entity';
import { SlotsError, SlotsErrorCode } from './slots.errors';

/** A store's date exceptions (holidays, special hours) and capacity rules. */
@Injectable()
export class PickupRulesAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly config: PickupConfigService,
  ) {}

  async listExceptions(storeId: string, query: ListQuery): Promise<ListPage<PickupExceptionResponse>> {
    await this.config.store(storeId);
    const { id } = query.filter as { id?: string[] };
    const [items, total] = await this.em.findAndCount(
      PickupException,
      { storeId, ...(id ? { id: { $in: id } } : {}) },
      { orderBy: { [query.sort.field]: query.sort.order, id: 'ASC' }, limit: query.limit, offset: query.offset },
    );
    return { items: items.map(exceptionResponse), total, offset: query.offset };
  }

  async createException(storeId: string, input: PickupExceptionDto): Promise<PickupExceptionResponse> {
    await this.config.store(storeId);
    const exception = Object.assign(new PickupException(), { storeId });
    await this.applyException(exception, input);
    this.em.persist(exception);
    return exceptionResponse(exception);
  }

  async updateException(storeId: string, id: string, input: PickupExceptionDto): Promise<PickupExceptionResponse> {
    const exception = await this.loadException(storeId, id);
    await this.applyException(exception, input);
    return exceptionResponse(exception);
  }

  async deleteException(storeId: string, id: string): Promise<PickupExceptionResponse> {
    const exception = await this.loadException(storeId, id);
    this.em.remove(exception);
    return exceptionResponse(exception);
  }

  async listCapacityRules(storeId: string, query: ListQuery): Promise<ListPage<CapacityRuleResponse>> {
    await this.config.store(storeId);
    const { id } = query.filter as { id?: string[] };
    const [items, total] = await this.em.findAndCount(
      CapacityRuleEntity,
      { storeId, ...(id ? { id: { $in: id } } : {}) },
      { orderBy: { [query.sort.field]: query.sort.order, id: 'ASC' }, limit: query.limit, offset: query.offset },
    );
    return { items: items.map(ruleResponse), total, offset: query.offset };
  }

  async createCapacityRule(storeId: string, input: CapacityRuleDto): Promise<CapacityRuleResponse> {
    await this.config.store(storeId);
    const rule = Object.assign(new CapacityRuleEntity(), { storeId });
    applyRule(rule, input);
    this.em.persist(rule);
    return ruleResponse(rule);
  }

  async updateCapacityRule(storeId: string, id: string, input: CapacityRuleDto): Promise<CapacityRuleResponse> {
    const rule = await this.loadRule(storeId, id);
    applyRule(rule, input);
    return ruleResponse(rule);
  }

  async deleteCapacityRule(storeId: string, id: string): Promise<CapacityRuleResponse> {
    const rule = await this.loadRule(storeId, id);
    this.em.remove(rule);
    return ruleResponse(rule);
  }

  private async loadException(storeId: string, id: string): Promise<PickupException> {
    const exception = await this.em.findOne(PickupException, { id, storeId });
    if (!exception) throw SlotsError.notFound(SlotsErrorCode.EXCEPTION_NOT_FOUND, 'Pickup exception', id);
    return exception;
  }

  private async loadRule(storeId: string, id: string): Promise<CapacityRuleEntity> {
    const rule = await this.em.findOne(CapacityRuleEntity, { id, storeId });
    if (!rule) throw SlotsError.notFound(SlotsErrorCode.CAPACITY_RULE_NOT_FOUND, 'Capacity rule', id);
    return rule;
  }

  private async applyException(exception: PickupException, input: PickupExceptionDto): Promise<void> {
    const windows = (input.windows ?? []).map(({ start, end }) => ({ start, end }));
    const problems: FieldProblem[] = isCalendarDate(input.date) ? [] : [{ field: 'date', reason: 'is not a calendar date' }];
    problems.push(...windowProblems(windows, 'windows'));
    if (!input.closed && windows.length === 0) problems.push({ field: 'windows', reason: 'must list the day’s hours when it is not closed' });
    if (problems.length > 0) throw SlotsError.invalidSchedule(problems);
    if (input.date !== exception.date) {
      const taken = await this.em.count(PickupException, { storeId: exception.storeId, date: input.date });
      if (taken > 0) {
        throw new SlotsError(SlotsErrorCode.EXCEPTION_DATE_TAKEN, `${input.date} already has its own hours`, [
          { field: 'date', reason: 'already has an exception' },
        ]);
      }
    }
    Object.assign(exception, { date: input.date, closed: input.closed, windows: input.closed ? [] : windows, note: input.note ?? null });
  }
}

function applyRule(rule: CapacityRuleEntity, input: CapacityRuleDto): void {
  const weekday = input.weekday ?? null;
  const date = input.date ?? null;
  const problems: FieldProblem[] = [];
  if ((weekday === null) === (date === null)) problems.push({ field: 'weekday', reason: 'give either a weekday or a date' });
  if (date !== null && !isCalendarDate(date)) problems.push({ field: 'date', reason: 'is not a calendar date' });
  problems.push(...windowProblems([input], 'rule').map((p) => ({ ...p, field: p.field.replace('rule.0.', '') })));
  if (problems.length > 0) throw SlotsError.invalidSchedule(problems);
  Object.assign(rule, {
    weekday,
    date,
    start: input.start,
    end: input.end,
    maxOrders: input.maxOrders ?? null,
    maxItems: input.maxItems ?? null,
    maxKitchenMinutes: input.maxKitchenMinutes ?? null,
  });
}

function exceptionResponse(e: PickupException): PickupExceptionResponse {
  return { id: e.id, storeId: e.storeId, date: e.date, closed: e.closed, windows: e.windows, note: e.note };
}

function ruleResponse(r: CapacityRuleEntity): CapacityRuleResponse {
  const { id, storeId, weekday, date, start, end, maxOrders, maxItems, maxKitchenMinutes } = r;
  return { id, storeId, weekday, date, start, end, maxOrders, maxItems, maxKitchenMinutes };
}
