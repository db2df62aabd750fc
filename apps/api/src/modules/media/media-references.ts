import { Injectable } from '@nestjs/common';
import type { MediaReference } from '@sutwxapp/contracts';
import type { EntityManager } from 'typeorm';

export interface FoundReference extends MediaReference {
  mediaId: number;
}

/** Given media ids, every row of the finder's own tables that points at one of them. */
export type MediaReferenceFinder = (em: EntityManager, mediaIds: number[]) => Promise<FoundReference[]>;

/**
 * The features that put media on their rows (catalog, orders, users' avatars; reviews later) register
 * a finder here, so deletion and the orphan sweep can ask "who uses this?" without the media
 * module reading other features' tables. A feature that stores `media:` references and does not
 * register a finder will see its images swept after a day.
 */
@Injectable()
export class MediaReferences {
  private readonly finders: MediaReferenceFinder[] = [];

  register(finder: MediaReferenceFinder): void {
    this.finders.push(finder);
  }

  async find(em: EntityManager, mediaIds: number[]): Promise<FoundReference[]> {
    if (mediaIds.length === 0) return [];
    const found = await Promise.all(this.finders.map((f) => f(em, mediaIds)));
    return found.flat();
  }
}

/** `LIKE` patterns matching a stored reference `media:<id>/…` (inside JSON arrays too). */
export const refLike = (id: number): string => `%media:${id}/%`;
