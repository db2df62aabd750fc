import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { MediaReference } from '@sutwxapp/contracts';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface FoundReference extends MediaReference {
  mediaId: number;
}

/**
 * What a feature that puts media on its rows (catalog, orders, avatars, reviews, after-sales)
 * implements, so deletion and the orphan sweep can ask "who uses this?" without the media module
 * reading other features' tables. A feature that stores `media:` references without a finder
 * will see its images swept after a day.
 */
export interface MediaReferenceFinder {
  /** Given media ids, every row of the finder's own tables that points at one of them. */
  findReferences(em: EntityManager, mediaIds: number[]): Promise<FoundReference[]>;
}

/**
 * Marks a provider as a media reference finder. Finders are ordinary providers in their own
 * module, found through Nest's discovery, so the media module never imports them.
 */
export const FindsMediaReferences = DiscoveryService.createDecorator<void>();

/** Asks every finder (see the decorator above). */
@Injectable()
export class MediaReferences implements OnModuleInit {
  private readonly finders: MediaReferenceFinder[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: FindsMediaReferences.KEY })) {
      const finder = wrapper.instance as MediaReferenceFinder | undefined;
      if (finder && typeof finder.findReferences === 'function') this.finders.push(finder);
    }
  }

  /** The finders found, by class name (what the wiring test checks). */
  finderNames(): string[] {
    return this.finders.map((f) => f.constructor.name);
  }

  async find(em: EntityManager, mediaIds: number[]): Promise<FoundReference[]> {
    if (mediaIds.length === 0) return [];
    const found = await Promise.all(this.finders.map((f) => f.findReferences(em, mediaIds)));
    return found.flat();
  }
}

/** `LIKE` patterns matching a stored reference `media:<id>/…` (inside JSON arrays too). */
export const refLike = (id: number): string => `%media:${id}/%`;

/** A where clause (with its parameters) matching rows whose `column` refers to any of `ids`. */
export function refersToAny(column: string, ids: number[]): { sql: string; params: Record<string, string> } {
  return {
    sql: `(${ids.map((_, n) => `${column} LIKE :m${n}`).join(' OR ')})`,
    params: Object.fromEntries(ids.map((id, n) => [`m${n}`, refLike(id)])),
  };
}

/** A query over `entity` (as `alias`) for the rows whose `column` refers to any of `ids`. */
export function rowsReferring<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
  column: string,
  ids: number[],
): SelectQueryBuilder<T> {
  const usesAny = refersToAny(`${alias}.${column}`, ids);
  return em.createQueryBuilder(entity, alias).where(usesAny.sql, usesAny.params);
}
