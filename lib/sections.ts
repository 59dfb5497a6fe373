import 'server-only';
import { asc } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { sections } from '@/db/schema';
import { tags } from './cache-tags';
import { isBuildPhase } from './env';

export interface SectionLink {
  slug: string;
  name: string;
}

/** The sections in the editors' order: the site's navigation. */
export async function getSections(): Promise<SectionLink[]> {
  'use cache';
  cacheLife('max');
  cacheTag(tags.sections);
  if (isBuildPhase()) return [];
  return getDb()
    .select({ slug: sections.slug, name: sections.name })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}
