import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** ProseMirror/Tiptap JSON: what the editor saves and the public renderer reads. */
export interface DocumentNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocumentNode[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
}

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const roles = ['reader', 'contributor', 'author', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];
export const roleEnum = pgEnum('role', roles);
export const userStatusEnum = pgEnum('user_status', ['active', 'suspended', 'banned']);
export const articleStatuses = ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
export const articleStatusEnum = pgEnum('article_status', articleStatuses);
export const commentsModeEnum = pgEnum('comments_mode', ['open', 'closed', 'off']);
export const commentStatusEnum = pgEnum('comment_status', ['pending', 'published', 'removed', 'spam']);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    bio: text('bio').notNull().default(''),
    role: roleEnum('role').notNull().default('reader'),
    passwordHash: text('password_hash').notNull(),
    status: userStatusEnum('status').notNull().default('active'),
    suspendedUntil: timestamp('suspended_until', { withTimezone: true }),
    trusted: boolean('trusted').notNull().default(false),
    // Sessions are JWTs; bumping this ends every session of the user at once.
    tokenVersion: integer('token_version').notNull().default(0),
    notifyByEmail: boolean('notify_by_email').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`), uniqueIndex('users_slug_key').on(t.slug)],
);

export const sections = pgTable('sections', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
});

export const tags = pgTable('tags', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
});

export const media = pgTable('media', {
  id: serial('id').primaryKey(),
  /** A path under public/ (shipped images) or a key under DATA_DIR/media (uploads). */
  path: text('path').notNull().unique(),
  mime: text('mime').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull().default(0),
  alt: text('alt').notNull(),
  credit: text('credit').notNull().default(''),
  uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const articles = pgTable(
  'articles',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    dek: text('dek').notNull().default(''),
    bodyJson: jsonb('body_json').$type<DocumentNode>().notNull(),
    /** Plain text of the body, kept beside the document for search, word counts and feeds. */
    bodyText: text('body_text').notNull().default(''),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('english', coalesce(${articles.title}, '')), 'A') || setweight(to_tsvector('english', coalesce(${articles.dek}, '')), 'B') || setweight(to_tsvector('english', coalesce(${articles.bodyText}, '')), 'C')`,
      ),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'set null' }),
    status: articleStatusEnum('status').notNull().default('draft'),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic lock: a save must name the version it was based on. */
    version: integer('version').notNull().default(1),
    heroMediaId: integer('hero_media_id').references(() => media.id, { onDelete: 'restrict' }),
    seoTitle: text('seo_title').notNull().default(''),
    seoDescription: text('seo_description').notNull().default(''),
    commentsMode: commentsModeEnum('comments_mode').notNull().default('open'),
    wordCount: integer('word_count').notNull().default(0),
    commentCount: integer('comment_count').notNull().default(0),
  },
  (t) => [
    index('articles_published_idx').on(t.publishedAt.desc(), t.id.desc()).where(sql`${t.status} = 'published'`),
    index('articles_section_published_idx')
      .on(t.sectionId, t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'published'`),
    index('articles_status_updated_idx').on(t.status, t.updatedAt.desc()),
    index('articles_scheduled_idx').on(t.publishAt).where(sql`${t.status} = 'scheduled'`),
    index('articles_search_idx').using('gin', t.search),
    // "Used by" in the media library and the delete check (the foreign key's own lookup included).
    index('articles_hero_media_idx').on(t.heroMediaId),
    // The few stories with figures in their body, for the same "used by" lists (lib/media.ts hasFigure).
    index('articles_with_figures_idx').on(t.id).where(sql`${t.bodyJson} @> '{"content":[{"type":"figure"}]}'::jsonb`),
  ],
);

export const articleAuthors = pgTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] }), index('article_authors_user_idx').on(t.userId, t.articleId)],
);

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId, t.articleId)],
);

export const revisions = pgTable(
  'revisions',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    dek: text('dek').notNull().default(''),
    bodyJson: jsonb('body_json').$type<DocumentNode>().notNull(),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Published versions are kept forever; others are pruned to the most recent ones. */
    published: boolean('published').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('revisions_article_version_key').on(t.articleId, t.version)],
);

export const editorialNotes = pgTable(
  'editorial_notes',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('editorial_notes_article_idx').on(t.articleId, t.createdAt)],
);

export const comments = pgTable(
  'comments',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    status: commentStatusEnum('status').notNull().default('published'),
    depth: integer('depth').notNull().default(0),
    featured: boolean('featured').notNull().default(false),
    replyCount: integer('reply_count').notNull().default(0),
    reactionCount: integer('reaction_count').notNull().default(0),
    reportCount: integer('report_count').notNull().default(0),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [
    index('comments_article_status_created_idx').on(t.articleId, t.status, t.createdAt),
    index('comments_parent_idx').on(t.parentId),
    index('comments_author_created_idx').on(t.authorId, t.createdAt),
    index('comments_status_created_idx').on(t.status, t.createdAt),
  ],
);

export const commentReactions = pgTable(
  'comment_reactions',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);

export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reports_comment_user_key').on(t.commentId, t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: integer('target_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_at_idx').on(t.at.desc()), index('audit_log_target_idx').on(t.targetType, t.targetId)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    commentId: integer('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
    // Set when the scheduler mailed it (to readers who opted in); null until then.
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt.desc()),
    // The scheduler's every-15-seconds question, "what is still to mail?", stays small: only unsent rows.
    index('notifications_unsent_idx').on(t.createdAt).where(sql`${t.emailedAt} is null`),
  ],
);

export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
});
