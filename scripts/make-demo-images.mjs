// Generates the hero images of the demo magazine: public/images/demo/<slug>.webp
//
//   node scripts/make-demo-images.mjs
//
// Each image is abstract editorial artwork composed as an SVG (layered gradients, circles, bands; no text,
// no grain) and rendered with sharp to a 1600×900 WebP. Every section has its own palette (music: warm
// magenta/orange, screen: deep blue/teal, culture: ochre/green, style: rose/black), and the composition
// varies per story, seeded from its slug, so the output is deterministic. The slugs and sections are read
// from db/seed/stories.ts with a regex. The script prints a plain description of each picture, which is
// where the alt texts in stories.ts come from: re-check them if you change the drawing code.

import { readFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public/images/demo');
const W = 1600;
const H = 900;

// ---- stories: { slug, section } pairs, in file order --------------------------------------------------
const source = readFileSync(join(root, 'db/seed/stories.ts'), 'utf8');
const stories = [...source.matchAll(/slug: '([a-z0-9-]+)',\s*title:[\s\S]*?section: '(music|screen|culture|style)'/g)].map(
  (m) => ({ slug: m[1], section: m[2] }),
);
if (stories.length === 0) throw new Error('no stories found in db/seed/stories.ts');

// ---- deterministic randomness from the slug -----------------------------------------------------------
function hash(str) {
  let h = 2166136261;
  for (const ch of str) h = Math.imul(h ^ ch.codePointAt(0), 16777619);
  return h >>> 0;
}
function rng(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const between = (r, lo, hi) => lo + (hi - lo) * r();
const pick = (r, list) => list[Math.floor(r() * list.length)];
function pickDistinct(r, list, n) {
  const pool = [...list];
  const out = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
}
const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
function listNames(names) {
  const unique = [...new Set(names)];
  if (unique.length === 1) return unique[0];
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}
const f = (n) => Math.round(n * 10) / 10;
const article = (word) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
// mixes a #rrggbb colour towards another: t = 0 keeps it, t = 1 gives the other
function mix(hex, other, t) {
  const a = hex.match(/\w\w/g).map((x) => parseInt(x, 16));
  const b = other.match(/\w\w/g).map((x) => parseInt(x, 16));
  return `#${a.map((v, i) => Math.round(v + (b[i] - v) * t).toString(16).padStart(2, '0')).join('')}`;
}

// ---- palettes -----------------------------------------------------------------------------------------
const palettes = {
  music: {
    backgrounds: [
      { name: 'deep plum', top: '#2b0a30', bottom: '#5e0f42' },
      { name: 'dark wine', top: '#1f0614', bottom: '#611433' },
    ],
    colors: [
      { name: 'magenta', hex: '#e0287a' },
      { name: 'orange', hex: '#ff7a1a' },
      { name: 'coral', hex: '#ff5a5f' },
      { name: 'amber', hex: '#ffb347' },
      { name: 'hot pink', hex: '#ff3d9a' },
    ],
    dark: '#14040f',
  },
  screen: {
    backgrounds: [
      { name: 'midnight blue', top: '#03102a', bottom: '#0b2d4d' },
      { name: 'deep navy', top: '#020b1c', bottom: '#0c3346' },
    ],
    colors: [
      { name: 'teal', hex: '#14b8a6' },
      { name: 'cyan', hex: '#38d6e8' },
      { name: 'pale ice blue', hex: '#a9dcff' },
      { name: 'cobalt', hex: '#2456d6' },
      { name: 'sea green', hex: '#0f8b8d' },
    ],
    dark: '#010814',
  },
  culture: {
    backgrounds: [
      { name: 'ochre', top: '#d09a34', bottom: '#94701f' },
      { name: 'warm mustard', top: '#dcae45', bottom: '#a67a22' },
    ],
    colors: [
      { name: 'moss green', hex: '#4f7a3a' },
      { name: 'forest green', hex: '#23452f' },
      { name: 'sage', hex: '#a8b98a' },
      { name: 'olive', hex: '#6b6b24' },
      { name: 'cream', hex: '#f1e4c3' },
    ],
    sun: { name: 'cream', hex: '#f6ead0' },
    dark: '#1c2a17',
  },
  style: {
    backgrounds: [
      { name: 'black', top: '#0b0b0c', bottom: '#1d1115' },
      { name: 'near-black', top: '#120a0d', bottom: '#24121a' },
    ],
    colors: [
      { name: 'rose', hex: '#e8a0b4' },
      { name: 'blush pink', hex: '#f6d1da' },
      { name: 'dusty rose', hex: '#c26d86' },
      { name: 'deep rose', hex: '#8f2f4e' },
      { name: 'pale pink', hex: '#fbe6ec' },
    ],
    dark: '#050304',
  },
};

// ---- shared SVG pieces --------------------------------------------------------------------------------
function background(id, bg, angle) {
  const x2 = f(50 + 50 * Math.sin(angle));
  const y2 = f(50 + 50 * Math.cos(angle));
  return {
    defs: `<linearGradient id="${id}" x1="${f(100 - x2)}%" y1="${f(100 - y2)}%" x2="${x2}%" y2="${y2}%">
      <stop offset="0" stop-color="${bg.top}"/><stop offset="1" stop-color="${bg.bottom}"/></linearGradient>`,
    body: `<rect width="${W}" height="${H}" fill="url(#${id})"/>`,
  };
}
// a circle lit from the upper left: a lighter tint at its centre, the colour itself at the rim
function glowCircle(id, cx, cy, r, hex, opacity = 0.9) {
  return {
    defs: `<radialGradient id="${id}" cx="38%" cy="34%" r="80%">
      <stop offset="0" stop-color="${mix(hex, '#ffffff', 0.22)}"/><stop offset="0.75" stop-color="${hex}"/>
      <stop offset="1" stop-color="${mix(hex, '#000000', 0.12)}"/></radialGradient>`,
    body: `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="url(#${id})" opacity="${opacity}"/>`,
  };
}
function haze(id, cx, cy, r, hex, opacity) {
  return {
    defs: `<radialGradient id="${id}"><stop offset="0" stop-color="${hex}" stop-opacity="${opacity}"/>
      <stop offset="1" stop-color="${hex}" stop-opacity="0"/></radialGradient>`,
    body: `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="url(#${id})"/>`,
  };
}
function svg(parts) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>${parts.map((p) => p.defs || '').join('\n')}</defs>
  ${parts.map((p) => p.body || '').join('\n  ')}
</svg>`;
}

// ---- compositions: (random, variant 0 or 1) => { svg, description } --------------------------------------------------
const compose = {
  music(r, variant) {
    const p = palettes.music;
    const bg = pick(r, p.backgrounds);
    const parts = [background('bg', bg, between(r, -0.4, 0.4))];
    parts.push(haze('hz', between(r, 300, 1300), between(r, 150, 400), 700, '#ff6a3d', 0.35));
    if (variant === 0) {
      // overlapping circles above a dark, stage-like band
      const n = 2 + Math.floor(r() * 3);
      const cols = pickDistinct(r, p.colors, n);
      let x = between(r, 260, 520);
      cols.forEach((c, i) => {
        const rad = between(r, 170, 300);
        parts.push(glowCircle(`c${i}`, x, between(r, 280, 470), rad, c.hex, 0.82));
        x += between(r, 240, 380);
      });
      const bandTop = between(r, 640, 720);
      parts.push({
        defs: `<linearGradient id="band" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.dark}" stop-opacity="0.92"/>
          <stop offset="1" stop-color="${p.dark}"/></linearGradient>`,
        body: `<rect x="0" y="${f(bandTop)}" width="${W}" height="${f(H - bandTop)}" fill="url(#band)"/>
  <rect x="0" y="${f(bandTop)}" width="${W}" height="4" fill="${pick(r, p.colors).hex}" opacity="0.7"/>`,
      });
      return {
        svg: svg(parts),
        description: `Abstract artwork: ${words[n]} overlapping ${listNames(cols.map((c) => c.name))} circles glowing over a ${bg.name} gradient, above a dark, stage-like band`,
      };
    }
    // a record-like disc of concentric rings with a sun circle and a diagonal band
    const left = r() < 0.5;
    const cx = left ? between(r, 420, 560) : between(r, 1040, 1180);
    const cy = between(r, 400, 500);
    const [discCol, sunCol, bandCol] = pickDistinct(r, p.colors, 3);
    const rings = Array.from({ length: 14 }, (_, i) => {
      const rad = 90 + i * 24;
      return `<circle cx="${f(cx)}" cy="${f(cy)}" r="${rad}" fill="none" stroke="${discCol.hex}" stroke-width="${i % 3 === 0 ? 5 : 2}" opacity="${f(0.85 - i * 0.04)}"/>`;
    }).join('\n  ');
    const angle = between(r, -14, -6);
    parts.push({
      body: `<rect x="-200" y="${f(between(r, 560, 640))}" width="${W + 400}" height="${f(between(r, 90, 150))}" fill="${bandCol.hex}" opacity="0.55"
    transform="rotate(${f(angle)} ${W / 2} ${H / 2})"/>`,
    });
    parts.push({ body: `<circle cx="${f(cx)}" cy="${f(cy)}" r="430" fill="${p.dark}" opacity="0.55"/>\n  ${rings}` });
    parts.push(glowCircle('sun', cx + (left ? 1 : -1) * between(r, 380, 480), cy - between(r, 120, 200), between(r, 150, 210), sunCol.hex, 0.9));
    return {
      svg: svg(parts),
      description: `Abstract artwork: concentric ${discCol.name} rings like a vinyl record, overlapped by a glowing ${sunCol.name} circle and crossed by a diagonal ${bandCol.name} band, on a ${bg.name} background`,
    };
  },

  screen(r, variant) {
    const p = palettes.screen;
    const bg = pick(r, p.backgrounds);
    const parts = [background('bg', bg, between(r, -0.3, 0.3))];
    const beamFromLeft = r() < 0.5;
    const beam = (opacity) => ({
      defs: `<linearGradient id="beam" x1="${beamFromLeft ? 0 : 1}" y1="0" x2="${beamFromLeft ? 1 : 0}" y2="0.6">
        <stop offset="0" stop-color="#cfeeff" stop-opacity="${opacity}"/><stop offset="1" stop-color="#cfeeff" stop-opacity="0"/></linearGradient>`,
      body: beamFromLeft
        ? `<polygon points="0,${f(between(r, 40, 120))} 1250,260 1250,760 0,${f(between(r, 220, 320))}" fill="url(#beam)"/>`
        : `<polygon points="${W},${f(between(r, 40, 120))} 350,260 350,760 ${W},${f(between(r, 220, 320))}" fill="url(#beam)"/>`,
    });
    if (variant === 0) {
      // a glowing screen-like panel in a dark room, with a projector beam and a few horizontal bands
      const [a, b] = pickDistinct(r, p.colors, 2);
      const w = between(r, 760, 940);
      const h = w * 0.5;
      const x = (W - w) / 2 + between(r, -160, 160);
      const y = between(r, 170, 250);
      parts.push(haze('hz', x + w / 2, y + h / 2, w * 0.85, a.hex, 0.45));
      parts.push(beam(0.18));
      parts.push({
        defs: `<linearGradient id="panel" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a.hex}"/>
          <stop offset="1" stop-color="${b.hex}"/></linearGradient>`,
        body: `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" rx="28" fill="url(#panel)" opacity="0.92"/>`,
      });
      const bands = 2 + Math.floor(r() * 3);
      for (let i = 0; i < bands; i++) {
        parts.push({
          body: `<rect x="${f(x)}" y="${f(y + h * ((i + 1) / (bands + 1)))}" width="${f(w)}" height="${f(between(r, 2, 5))}" fill="#ffffff" opacity="0.16"/>`,
        });
      }
      parts.push({ body: `<rect x="0" y="${f(y + h + 120)}" width="${W}" height="${H}" fill="${p.dark}" opacity="0.6"/>` });
      return {
        svg: svg(parts),
        description: `Abstract artwork: a glowing rectangle shading from ${a.name} to ${b.name}, like a screen glowing in the dark, with faint horizontal lines across it and a pale beam of light falling on it from the ${beamFromLeft ? 'left' : 'right'}, on a ${bg.name} background`,
      };
    }
    // a horizon of stacked blue and teal bands under a pale moon
    const cols = pickDistinct(r, p.colors.filter((c) => c.name !== 'pale ice blue'), 3);
    const moon = { name: 'pale ice blue', hex: '#a9dcff' };
    const horizon = between(r, 470, 560);
    parts.push(haze('hz', between(r, 400, 1200), horizon - 150, 650, moon.hex, 0.25));
    parts.push(glowCircle('moon', between(r, 320, 1280), between(r, 180, 300), between(r, 90, 140), moon.hex, 0.95));
    parts.push(beam(0.12));
    let y = horizon;
    cols.forEach((c, i) => {
      const h = between(r, 90, 150);
      parts.push({ body: `<rect x="0" y="${f(y)}" width="${W}" height="${f(h + 4)}" fill="${c.hex}" opacity="${f(0.85 - i * 0.12)}"/>` });
      y += h;
    });
    parts.push({ body: `<rect x="0" y="${f(y)}" width="${W}" height="${f(H - y + 2)}" fill="${p.dark}"/>` });
    return {
      svg: svg(parts),
      description: `Abstract artwork: a pale ice-blue moon above a horizon of stacked ${listNames(cols.map((c) => c.name))} bands, on a ${bg.name} sky crossed by a faint beam of light`,
    };
  },

  culture(r, variant) {
    const p = palettes.culture;
    const bg = pick(r, p.backgrounds);
    const parts = [background('bg', bg, between(r, -0.5, 0.5))];
    const sunR = between(r, 110, 170);
    const sunX = between(r, 250, 1350);
    const sunY = between(r, 150, 240);
    parts.push(haze('hz', sunX, sunY, sunR * 3, '#fff4d6', 0.35));
    parts.push(glowCircle('sun', sunX, sunY, sunR, p.sun.hex, 0.95));
    if (variant === 0) {
      // a row of arches standing on a dark ground line
      const n = 3 + Math.floor(r() * 3);
      const cols = Array.from({ length: n }, () => pick(r, p.colors.filter((c) => c.name !== 'cream')));
      const gap = between(r, 30, 60);
      const aw = (W - 240 - gap * (n - 1)) / n;
      const ground = between(r, 760, 800);
      cols.forEach((c, i) => {
        const x = 120 + i * (aw + gap);
        const top = between(r, 330, 520);
        const rad = aw / 2;
        parts.push({
          body: `<path d="M${f(x)} ${f(ground)} V${f(top + rad)} A${f(rad)} ${f(rad)} 0 0 1 ${f(x + aw)} ${f(top + rad)} V${f(ground)} Z" fill="${c.hex}" opacity="0.93"/>`,
        });
      });
      parts.push({ body: `<rect x="0" y="${f(ground)}" width="${W}" height="${f(H - ground)}" fill="${p.dark}"/>` });
      return {
        svg: svg(parts),
        description: `Abstract artwork: a row of ${words[n]} ${listNames(cols.map((c) => c.name))} arches of different heights standing on a dark ground line, under a cream sun on ${article(bg.name)} ${bg.name} background`,
      };
    }
    // layered rolling hills
    const layers = 3 + Math.floor(r() * 2);
    const cols = pickDistinct(r, p.colors.filter((c) => c.name !== 'cream'), layers).sort((a, b) => (a.name < b.name ? -1 : 1));
    cols.forEach((c, i) => {
      const base = 480 + i * ((H - 480) / layers);
      let d = `M0 ${H} L0 ${f(base)}`;
      const hills = 2 + Math.floor(r() * 2);
      for (let k = 0; k < hills; k++) {
        const x0 = (W / hills) * k;
        const x1 = (W / hills) * (k + 1);
        const peak = base - between(r, 120, 260);
        const dx = (x1 - x0) * between(r, 0.25, 0.4);
        d += ` C${f(x0 + dx)} ${f(peak)} ${f(x1 - dx)} ${f(peak)} ${f(x1)} ${f(base + between(r, -30, 30))}`;
      }
      d += ` L${W} ${H} Z`;
      parts.push({ body: `<path d="${d}" fill="${c.hex}" opacity="0.95"/>` });
    });
    return {
      svg: svg(parts),
      description: `Abstract artwork: ${words[layers]} layers of rolling ${listNames(cols.map((c) => c.name))} hills under a cream sun on ${article(bg.name)} ${bg.name} sky`,
    };
  },

  style(r, variant) {
    const p = palettes.style;
    const bg = pick(r, p.backgrounds);
    const parts = [background('bg', bg, between(r, -0.4, 0.4))];
    if (variant === 0) {
      // vertical bands with a large circle laid across them
      const n = 4 + Math.floor(r() * 3);
      const cols = [];
      let x = between(r, 80, 260);
      for (let i = 0; i < n && x < W - 60; i++) {
        const c = pick(r, p.colors);
        cols.push(c);
        const w = between(r, 40, 170);
        parts.push({ body: `<rect x="${f(x)}" y="0" width="${f(w)}" height="${H}" fill="${c.hex}" opacity="${f(between(r, 0.85, 1))}"/>` });
        x += w + between(r, 40, 160);
      }
      const circle = pick(r, p.colors);
      parts.push(glowCircle('disc', between(r, 500, 1100), between(r, 380, 520), between(r, 230, 320), circle.hex, 0.94));
      return {
        svg: svg(parts),
        description: `Abstract artwork: ${words[cols.length]} vertical ${listNames(cols.map((c) => c.name))} bands of varying width on ${bg.name}, with a large ${circle.name} circle laid across them`,
      };
    }
    // a tall arch like a mirror or doorway, with diagonal stripes behind it
    const stripeCol = pick(r, p.colors.filter((c) => c.name === 'deep rose' || c.name === 'dusty rose'));
    const stripes = [];
    for (let i = -6; i < 16; i++) {
      stripes.push(`<rect x="${i * 140}" y="-400" width="34" height="${H + 800}" fill="${stripeCol.hex}" opacity="0.55"/>`);
    }
    const tilt = between(r, 20, 35) * (r() < 0.5 ? 1 : -1);
    parts.push({ body: `<g transform="rotate(${f(tilt)} ${W / 2} ${H / 2})">${stripes.join('')}</g>` });
    const archCol = pick(r, p.colors.filter((c) => c !== stripeCol && c.name !== 'pale pink'));
    const aw = between(r, 380, 480);
    const ax = between(r, 300, W - 300 - aw);
    const top = between(r, 90, 150);
    parts.push({
      defs: `<linearGradient id="arch" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${archCol.hex}"/>
        <stop offset="1" stop-color="${mix(archCol.hex, '#000000', 0.45)}"/></linearGradient>`,
      body: `<path d="M${f(ax)} ${H} V${f(top + aw / 2)} A${f(aw / 2)} ${f(aw / 2)} 0 0 1 ${f(ax + aw)} ${f(top + aw / 2)} V${H} Z" fill="url(#arch)"/>`,
    });
    const dots = 2 + Math.floor(r() * 2);
    const dotCol = pick(r, p.colors.filter((c) => c !== archCol && c !== stripeCol && c.name !== 'deep rose'));
    for (let i = 0; i < dots; i++) {
      const side = i % 2 === 0 ? -1 : 1;
      const cx = ax + aw / 2 + side * (aw / 2 + between(r, 120, 260));
      parts.push(glowCircle(`dot${i}`, cx, between(r, 200, 700), between(r, 40, 90), dotCol.hex, 1));
    }
    return {
      svg: svg(parts),
      description: `Abstract artwork: a tall ${archCol.name} arch like a mirror or doorway, with ${words[dots]} small ${dotCol.name} circles beside it and diagonal ${stripeCol.name} stripes behind, on ${bg.name}`,
    };
  },
};

// ---- render -------------------------------------------------------------------------------------------
mkdirSync(outDir, { recursive: true });
let total = 0;
const seen = { music: 0, screen: 0, culture: 0, style: 0 };
for (const { slug, section } of stories) {
  // the two compositions of a section alternate in file order; the details come from the slug
  const variant = seen[section]++ % 2;
  const { svg: art, description } = compose[section](rng(hash(slug)), variant);
  const file = join(outDir, `${slug}.webp`);
  await sharp(Buffer.from(art)).webp({ quality: 70, effort: 6 }).toFile(file);
  const size = statSync(file).size;
  total += size;
  if (size > 120 * 1024) throw new Error(`${slug}.webp is ${size} bytes, over the 120 KB budget`);
  console.log(`${slug}.webp  ${section}  ${(size / 1024).toFixed(1)} KB\n  ${description}`);
}
console.log(`${stories.length} images, ${(total / 1024).toFixed(1)} KB in total`);
