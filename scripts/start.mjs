// `npm start`: build when the sources changed since the last build, then serve with scripts/server.mjs.
// The database is migrated and seeded by instrumentation.ts inside the server itself.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const stampFile = path.join(root, '.next', 'masthead-source-hash');
const inputs = ['app', 'components', 'lib', 'db', 'public', 'instrumentation.ts', 'next.config.js', 'postcss.config.mjs', 'package-lock.json', 'tsconfig.json'];

function* files(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) yield* files(path.join(entry, name));
  } else yield entry;
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const entry of inputs) for (const file of files(entry)) hash.update(file).update(fs.readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

const hash = sourceHash();
const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash;
if (!built) {
  console.log('Building Masthead (first start or changed sources)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.writeFileSync(stampFile, hash);
}

// Route-handler and build-time cache entries survive restarts and would be served stale against a
// database that changed meanwhile: start every server with a clean route cache.
fs.rmSync(path.join(root, '.next', 'server', 'route-cache'), { recursive: true, force: true });

// Serve in this process (scripts/server.mjs): signals reach the server directly, and it stops gracefully.
await import('./server.mjs');
