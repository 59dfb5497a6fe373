import 'server-only';
import sharp from 'sharp';
import { UserError } from './errors';

/** What the library takes, by the type its bytes prove, with the name a person knows it by. */
export const IMAGE_TYPES = {
  'image/jpeg': { label: 'JPEG', extension: 'jpg' },
  'image/png': { label: 'PNG', extension: 'png' },
  'image/webp': { label: 'WebP', extension: 'webp' },
  'image/avif': { label: 'AVIF', extension: 'avif' },
  'image/gif': { label: 'GIF', extension: 'gif' },
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Wider than any column or hero the site shows at 2× density; larger originals only cost disk and bandwidth. */
export const MAX_WIDTH = 2400;
export const MAX_HEIGHT = 3200;
// A 10 MB file can still decode to gigabytes of pixels (a "decompression bomb"): 100 megapixels covers any camera.
const MAX_PIXELS = 100_000_000;

const byExtension: Record<string, ImageType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  jfif: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

const declaredAliases: Record<string, ImageType> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

const NOT_AN_IMAGE = 'Upload a JPEG, PNG, WebP, AVIF or GIF image.';

function refuse(message: string): never {
  throw new UserError(message, 'invalid_image', { image: message });
}

/** The image type the file's first bytes prove ("magic numbers"), whatever it is called; null for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const ascii = (start: number, end: number) => Buffer.from(bytes.subarray(start, end)).toString('latin1');
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 16 && ascii(4, 8) === 'ftyp') {
    // ISO-BMFF: the ftyp box lists a major brand and compatible brands; HEIC and MP4 share the container.
    const boxEnd = Math.min(Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0), bytes.length, 256);
    const brands = [ascii(8, 12)];
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(at, at + 4));
    if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return 'image/avif';
  }
  return null;
}

/**
 * The file's real type, refused when it is not one we take or when its name or declared type says
 * something else: a renamed file is usually a mistake, and sometimes an attempt to slip one past us.
 */
export function checkImageType(name: string, declared: string, bytes: Uint8Array): ImageType {
  const shown = name ? `“${name}”` : 'That file';
  const real = sniffImageType(bytes);
  if (!real) refuse(`${shown} is not an image we can use. ${NOT_AN_IMAGE}`);
  const { label, extension } = IMAGE_TYPES[real];
  const dot = name.lastIndexOf('.');
  const suffix = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (suffix && byExtension[suffix] !== real) {
    refuse(`${shown} is named like a .${suffix} file but is really a ${label} image. Rename it to .${extension} and upload it again.`);
  }
  const type = declared.toLowerCase().split(';')[0]!.trim();
  const claimed = declaredAliases[type] ?? type;
  if (claimed && claimed !== 'application/octet-stream' && claimed !== real) {
    refuse(`${shown} says it is ${claimed} but is really a ${label} image. Save it again as a ${label} file and upload that.`);
  }
  return real;
}

// What sharp reports for each type it decodes (AVIF comes through the HEIF loader, compressed with AV1).
const decoderFormat: Record<ImageType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'heif',
  'image/gif': 'gif',
};

export interface EncodedImage {
  data: Buffer;
  mime: 'image/webp';
  width: number;
  height: number;
}

/**
 * A clean WebP copy: turned upright by its EXIF orientation, scaled down to fit MAX_WIDTH × MAX_HEIGHT,
 * and written without any of the original's metadata (sharp drops EXIF, GPS, XMP and ICC unless asked
 * to keep them). Animated GIF and WebP stay animated. Anything the decoder cannot read is refused.
 */
export async function reencodeImage(bytes: Buffer, type: ImageType, name = ''): Promise<EncodedImage> {
  const shown = name ? `“${name}”` : 'That file';
  const { label } = IMAGE_TYPES[type];
  const animated = type === 'image/gif' || type === 'image/webp';
  const image = () => sharp(bytes, { animated, limitInputPixels: MAX_PIXELS, failOn: 'warning' });
  let format: string | undefined;
  let compression: string | undefined;
  try {
    ({ format, compression } = await image().metadata());
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      refuse(`${shown} has too many pixels to process. Scale it down below 100 megapixels and upload it again.`);
    }
    refuse(`${shown} looks like a ${label} image but could not be read: it may be damaged. ${NOT_AN_IMAGE}`);
  }
  if (format !== decoderFormat[type] || (type === 'image/avif' && compression !== 'av1')) {
    refuse(`${shown} is not a ${label} image we can read. ${NOT_AN_IMAGE}`);
  }
  try {
    const { data, info } = await image()
      .rotate()
      .resize({ width: MAX_WIDTH, height: MAX_HEIGHT, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    // An animated result is one tall strip of frames: its height is the height of one frame.
    const height = info.pages && info.pages > 1 && info.pageHeight ? info.pageHeight : info.height;
    return { data, mime: 'image/webp', width: info.width, height };
  } catch {
    refuse(`${shown} could not be converted: it may be damaged. ${NOT_AN_IMAGE}`);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
