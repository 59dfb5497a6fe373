import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { articles, auditLog, media, users, type DocumentNode, type Role } from '@/db/schema';
import { freshDatabasePerTest } from '@/test/database';
import { UserError } from './errors';
import {
  addMedia,
  deleteMedia,
  getLibraryItem,
  getMedia,
  listLibrary,
  listMedia,
  MAX_UPLOAD_BYTES,
  mediaDir,
  readStoredMedia,
  updateMediaDetails,
} from './media';

// lib/env parses the environment once per process, so the data directory is set before anything reads it.
const dataDir = await vi.hoisted(async () => {
  const [{ mkdtempSync }, { join }, { tmpdir }] = await Promise.all([import('node:fs'), import('node:path'), import('node:os')]);
  const dir = mkdtempSync(join(tmpdir(), 'masthead-media-test-'));
  process.env.DATA_DIR = dir;
  return dir;
});

const database = freshDatabasePerTest();

afterEach(() => fs.rmSync(mediaDir(), { recursive: true, force: true }));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

let people: Record<'reader' | 'contributor' | 'author' | 'editor' | 'admin' | 'otherContributor', { id: number; role: Role }>;

beforeEach(async () => {
  const rows = await database()
    .db.insert(users)
    .values(
      (['reader', 'contributor', 'author', 'editor', 'admin', 'otherContributor'] as const).map((key) => ({
        email: `${key}@example.com`,
        name: `Pat ${key}`,
        slug: key.toLowerCase(),
        role: (key === 'otherContributor' ? 'contributor' : key) as Role,
        passwordHash: 'not-a-real-hash',
      })),
    )
    .returning({ id: users.id, role: users.role, slug: users.slug });
  people = Object.fromEntries(rows.map((row) => [row.slug === 'othercontributor' ? 'otherContributor' : row.slug, { id: row.id, role: row.role }])) as typeof people;
});

const canvas = (width = 12, height = 8) => sharp({ create: { width, height, channels: 3, background: '#c0392b' } });

const makers = {
  'image/jpeg': () => canvas().jpeg().toBuffer(),
  'image/png': () => canvas().png().toBuffer(),
  'image/webp': () => canvas().webp().toBuffer(),
  'image/avif': () => canvas().avif().toBuffer(),
  'image/gif': () => canvas().gif().toBuffer(),
};

const fileOf = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

const storedFiles = () => (fs.existsSync(mediaDir()) ? fs.readdirSync(mediaDir()) : []);
const mediaRows = () => database().db.select().from(media);
const auditRows = () => database().db.select().from(auditLog);

async function upload(name = 'photo.png', extra: { alt?: string; credit?: string; by?: { id: number; role: Role } } = {}) {
  return addMedia(extra.by ?? people.contributor, { file: fileOf(await makers['image/png'](), name, 'image/png'), alt: extra.alt ?? 'A red square', credit: extra.credit });
}

async function story(slug: string, change: { heroMediaId?: number; body?: DocumentNode; status?: 'draft' | 'published' } = {}) {
  const [row] = await database()
    .db.insert(articles)
    .values({
      slug,
      title: `Story ${slug}`,
      bodyJson: change.body ?? { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Words.' }] }] },
      heroMediaId: change.heroMediaId ?? null,
      status: change.status ?? 'draft',
    })
    .returning({ id: articles.id });
  return row!;
}

const figureDoc = (attrs: Record<string, unknown>): DocumentNode => ({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
    { type: 'figure', attrs: { src: '/images/other.webp', alt: 'x', caption: '', width: 10, height: 10, mediaId: null, ...attrs } },
  ],
});

describe('uploading', () => {
  it.each(Object.entries(makers))('accepts a %s, re-encodes it to WebP and records it', async (type, make) => {
    const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif', 'image/gif': 'gif' }[type]!;
    const item = await addMedia(people.contributor, { file: fileOf(await make(), `red.${extension}`, type), alt: '  A red square  ', credit: 'Pat' });
    expect(item).toMatchObject({ alt: 'A red square', credit: 'Pat', width: 12, height: 8 });
    expect(item.path).toMatch(/^\/media\/[0-9a-f]{32}\.webp$/);

    const [row] = await mediaRows();
    expect(row).toMatchObject({ id: item.id, path: item.path, mime: 'image/webp', width: 12, height: 8, uploadedBy: people.contributor.id });
    const file = path.join(mediaDir(), path.basename(item.path));
    expect(row!.bytes).toBe(fs.statSync(file).size);
    expect((await sharp(file).metadata()).format).toBe('webp');
    expect(await auditRows()).toMatchObject([{ action: 'media.upload', targetType: 'media', targetId: item.id, actorId: people.contributor.id }]);
  });

  it('keeps an animated GIF animated', async () => {
    const frames = await Promise.all(['#f00', '#0f0', '#00f'].map((color) => sharp({ create: { width: 10, height: 4, channels: 3, background: color } }).raw().toBuffer()));
    const gif = await sharp(Buffer.concat(frames), { raw: { width: 10, height: 12, channels: 3, pageHeight: 4 } }).gif({ delay: [100, 100, 100] }).toBuffer();
    const item = await addMedia(people.contributor, { file: fileOf(gif, 'blink.gif', 'image/gif'), alt: 'Three colours in turn' });
    expect(item).toMatchObject({ width: 10, height: 4 });
    const out = await sharp(path.join(mediaDir(), path.basename(item.path)), { animated: true }).metadata();
    expect(out.pages).toBe(3);
  });

  it('turns the picture upright by its EXIF orientation and keeps none of its metadata', async () => {
    const photo = await canvas(40, 20)
      .withExif({ IFD0: { Copyright: 'Secret Agency', Artist: 'Pat', Make: 'Camera Co' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const before = await sharp(photo).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);

    const item = await addMedia(people.contributor, { file: fileOf(photo, 'camera.jpg', 'image/jpeg'), alt: 'A red bar' });
    expect(item).toMatchObject({ width: 20, height: 40 });
    const stored = fs.readFileSync(path.join(mediaDir(), path.basename(item.path)));
    const after = await sharp(stored).metadata();
    expect(after).toMatchObject({ width: 20, height: 40 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(stored.includes('Secret Agency')).toBe(false);
  });

  it('scales a very wide image down to 2400 pixels', async () => {
    const wide = await canvas(3000, 300).png().toBuffer();
    const item = await addMedia(people.contributor, { file: fileOf(wide, 'wide.png', 'image/png'), alt: 'A long red band' });
    expect(item).toMatchObject({ width: 2400, height: 240 });
  });

  it.each([
    ['a text file named .jpg', async () => fileOf(Buffer.from('just some notes, not a picture'), 'notes.jpg', 'image/jpeg'), /“notes\.jpg” is not an image we can use/],
    ['a PNG renamed .gif', async () => fileOf(await makers['image/png'](), 'photo.gif', 'image/gif'), /named like a \.gif file but is really a PNG image/],
    ['a PNG declared as a JPEG', async () => fileOf(await makers['image/png'](), 'photo', 'image/jpeg'), /says it is image\/jpeg but is really a PNG image/],
    ['a PNG named .txt', async () => fileOf(await makers['image/png'](), 'photo.txt', 'text/plain'), /named like a \.txt file/],
    ['an HTML page named .png', async () => fileOf(Buffer.from('<html><script>alert(1)</script></html>'), 'page.png', 'image/png'), /not an image we can use/],
    ['a damaged JPEG', async () => fileOf(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]), 'broken.jpg', 'image/jpeg'), /could not be read/],
    ['an image over 10 MB', async () => fileOf(Buffer.concat([await makers['image/png'](), Buffer.alloc(MAX_UPLOAD_BYTES)]), 'huge.png', 'image/png'), /is 10 MB; images can be at most 10 MB/],
    ['an empty file input', async () => fileOf(new Uint8Array(), '', 'application/octet-stream'), /Choose an image/],
  ])('refuses %s with a clear message, writing nothing', async (_, file, message) => {
    const attempt = addMedia(people.editor, { file: await file(), alt: 'Something' });
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toThrow(message);
    expect(await mediaRows()).toEqual([]);
    expect(await auditRows()).toEqual([]);
    expect(storedFiles()).toEqual([]);
  });

  it('refuses an image without alt text, writing nothing', async () => {
    const attempt = upload('photo.png', { alt: '   ' });
    await expect(attempt).rejects.toThrow(/alt text/);
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { alt: expect.any(String) } });
    expect(await mediaRows()).toEqual([]);
    expect(storedFiles()).toEqual([]);
  });

  it('refuses readers', async () => {
    await expect(upload('photo.png', { by: people.reader })).rejects.toThrow(/permission/);
    expect(storedFiles()).toEqual([]);
  });

  it('leaves no row when the file cannot be written', async () => {
    fs.mkdirSync(path.dirname(mediaDir()), { recursive: true });
    fs.writeFileSync(mediaDir(), 'a file where the directory should be');
    await expect(upload()).rejects.toThrow();
    expect(await mediaRows()).toEqual([]);
    expect(await auditRows()).toEqual([]);
    fs.rmSync(mediaDir());
  });

  it('removes the written file when the database refuses the row', async () => {
    // An uploader who does not exist breaks the foreign key: the insert fails after the file is written.
    await expect(upload('photo.png', { by: { id: 999_999, role: 'editor' } })).rejects.toThrow();
    expect(await mediaRows()).toEqual([]);
    expect(storedFiles()).toEqual([]);
  });
});

describe('the library', () => {
  it('lists newest first, finds by alt text or credit, and pages', async () => {
    const first = await upload('a.png', { alt: 'A harbour at dawn', credit: 'Sam Lee' });
    const second = await upload('b.png', { alt: 'A crowded 100% sold-out hall' });
    expect((await listMedia()).map((item) => item.id)).toEqual([second.id, first.id]);
    expect(await listMedia({ query: 'harbour' })).toEqual([{ id: first.id, path: first.path, alt: first.alt, width: 12, height: 8, credit: 'Sam Lee' }]);
    expect((await listMedia({ query: 'sam lee' })).map((item) => item.id)).toEqual([first.id]);
    expect((await listMedia({ query: '100%' })).map((item) => item.id)).toEqual([second.id]);
    expect(await listMedia({ query: '_' })).toEqual([]); // a literal underscore, not "any character"
    expect(await listMedia({ page: 2 })).toEqual([]);
    expect(await getMedia(first.id)).toMatchObject({ id: first.id, mime: 'image/webp', uploadedBy: people.contributor.id });
    expect(await getMedia(123_456)).toBeNull();
  });

  it('says who uploaded each image and which stories use it', async () => {
    const used = await upload('a.png', { by: people.author });
    const unused = await upload('b.png');
    const hero = await story('hero', { heroMediaId: used.id });
    const figure = await story('figure', { body: figureDoc({ mediaId: used.id, src: used.path }) });
    const page = await listLibrary();
    expect(page).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    const byId = new Map(page.items.map((item) => [item.id, item]));
    expect(byId.get(used.id)).toMatchObject({ uploaderName: 'Pat author' });
    expect(byId.get(used.id)!.usedBy.map((use) => use.id).sort()).toEqual([hero.id, figure.id].sort());
    expect(byId.get(unused.id)!.usedBy).toEqual([]);
    expect((await getLibraryItem(used.id))!.usedBy).toHaveLength(2);
  });
});

describe('editing details', () => {
  it('changes alt text and credit, and names the public pages that show the image as a hero', async () => {
    const item = await upload();
    const published = await story('on-show', { heroMediaId: item.id, status: 'published' });
    const result = await updateMediaDetails(people.contributor, { id: item.id, alt: 'A red square on white', credit: 'Jo' });
    expect(result.media).toMatchObject({ alt: 'A red square on white', credit: 'Jo' });
    expect(result.tags).toEqual(expect.arrayContaining([`article:${published.id}`, 'article-slug:on-show', 'list:home']));
    expect(await getMedia(item.id)).toMatchObject({ alt: 'A red square on white', credit: 'Jo' });
  });

  it('lets only the uploader or an editor change them', async () => {
    const item = await upload();
    await expect(updateMediaDetails(people.otherContributor, { id: item.id, alt: 'Mine now' })).rejects.toThrow(/Only the person who uploaded/);
    await expect(updateMediaDetails(people.author, { id: item.id, alt: 'Mine now' })).rejects.toThrow(/Only the person who uploaded/);
    await updateMediaDetails(people.editor, { id: item.id, alt: 'Fixed by the desk' });
    await expect(updateMediaDetails(people.editor, { id: item.id, alt: '' })).rejects.toThrow(/alt text/);
    expect(await getMedia(item.id)).toMatchObject({ alt: 'Fixed by the desk' });
  });
});

describe('deleting', () => {
  it.each([
    ['as the hero of a story', (item: { id: number; path: string }) => story('hero', { heroMediaId: item.id })],
    ['as a figure named by id', (item: { id: number; path: string }) => story('by-id', { body: figureDoc({ mediaId: item.id }) })],
    ['as a figure named by path', (item: { id: number; path: string }) => story('by-path', { body: figureDoc({ src: item.path }) })],
  ])('is refused while the image is used %s, keeping row and file', async (_, use) => {
    const item = await upload();
    await use(item);
    await expect(deleteMedia(people.editor, item.id)).rejects.toThrow(/used by 1 story \(“Story /);
    expect(await mediaRows()).toHaveLength(1);
    expect(storedFiles()).toEqual([path.basename(item.path)]);
  });

  it('counts every story that uses the image', async () => {
    const item = await upload();
    await story('one', { heroMediaId: item.id, status: 'published' });
    await story('two', { body: figureDoc({ mediaId: item.id, src: item.path }) });
    await expect(deleteMedia(people.admin, item.id)).rejects.toThrow(/used by 2 stories/);
  });

  it('does not mistake another image in the same story for this one', async () => {
    const item = await upload();
    const other = await upload('other.png');
    await story('other', { heroMediaId: other.id, body: figureDoc({ mediaId: other.id, src: other.path }) });
    await deleteMedia(people.contributor, item.id);
    expect((await mediaRows()).map((row) => row.id)).toEqual([other.id]);
  });

  it('deletes an unused image: the row, then the file, with an audit entry', async () => {
    const item = await upload();
    await deleteMedia(people.contributor, item.id);
    expect(await mediaRows()).toEqual([]);
    expect(storedFiles()).toEqual([]);
    expect((await auditRows()).map((row) => row.action)).toEqual(['media.upload', 'media.delete']);
    const [entry] = await database().db.select().from(auditLog).where(eq(auditLog.action, 'media.delete'));
    expect(entry).toMatchObject({ targetType: 'media', targetId: item.id, actorId: people.contributor.id });
    await expect(deleteMedia(people.contributor, item.id)).rejects.toThrow(/no longer in the library/);
  });

  it('lets the uploader, editors and admins delete, and nobody else', async () => {
    const mine = await upload();
    await expect(deleteMedia(people.otherContributor, mine.id)).rejects.toThrow(/Only the person who uploaded this image, or an editor, can delete it/);
    await expect(deleteMedia(people.author, mine.id)).rejects.toThrow(/Only the person who uploaded/);
    await expect(deleteMedia(people.reader, mine.id)).rejects.toThrow(/Only the person who uploaded/);
    expect(storedFiles()).toHaveLength(1);
    await deleteMedia(people.editor, mine.id);
    const again = await upload();
    await deleteMedia(people.admin, again.id);
    expect(await mediaRows()).toEqual([]);
  });

  it('leaves images shipped in public/ on disk when their row goes', async () => {
    const [row] = await database()
      .db.insert(media)
      .values({ path: '/images/demo/../../package.json', mime: 'image/webp', width: 1, height: 1, alt: 'Demo' })
      .returning({ id: media.id });
    await deleteMedia(people.editor, row!.id);
    expect(fs.existsSync(path.resolve('package.json'))).toBe(true);
  });
});

describe('serving', () => {
  it('streams a stored upload and nothing else', async () => {
    const item = await upload();
    const name = path.basename(item.path);
    const stored = await readStoredMedia(name);
    expect(stored).toMatchObject({ type: 'image/webp', size: fs.statSync(path.join(mediaDir(), name)).size });
    const bytes = Buffer.from(await new Response(stored!.body).arrayBuffer());
    expect(bytes.equals(fs.readFileSync(path.join(mediaDir(), name)))).toBe(true);

    fs.writeFileSync(path.join(dataDir, 'secret.webp'), 'secret');
    for (const bad of ['../secret.webp', '..%2fsecret.webp', `${name}/`, `${name.slice(0, -5)}.png`, name.toUpperCase(), `a${name}`, '', '.', '..']) {
      expect(await readStoredMedia(bad), bad).toBeNull();
    }
    expect(await readStoredMedia(`${'0'.repeat(32)}.webp`)).toBeNull();
  });
});
