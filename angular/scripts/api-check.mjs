#!/usr/bin/env node
// Checks that every endpoint the typed client (src/app/core/api and each src/app/features/<m>/data) calls exists in the
// server's OpenAPI document.
//   npm run api:check -- path/to/openapi-v1.json
// Exit code 0 when all are present, 1 when some are missing, 2 on bad usage.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'app');
const featuresDir = join(appDir, 'features');
/** Where the client's services live: the shared core, and each feature's data folder. */
const apiDirs = [
  join(appDir, 'core', 'api'),
  ...readdirSync(featuresDir)
    .map((m) => join(featuresDir, m, 'data'))
    .filter((d) => existsSync(d)),
];

/** "/api/people/{id}" and "/api/people/{personId}" are the same route. */
const normalise = (path) => path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';

export function clientEndpoints(dirs = apiDirs) {
  const endpoints = [];
  for (const file of dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.api.ts')).map((f) => join(dir, f)))) {
    const source = readFileSync(file, 'utf8');
    const base = /const BASE = '([^']+)'/.exec(source)?.[1] ?? '';
    const call = /this\.http\.(get|post|put|delete|patch)\b[^(]*\(\s*(BASE\b|`[^`]*`|'[^']*')/g;
    for (const m of source.matchAll(call)) {
      const raw = m[2] === 'BASE' ? base : m[2].slice(1, -1);
      const path = raw.replace(/\$\{BASE\}/g, base).replace(/\$\{[^}]*\}/g, '{}');
      endpoints.push({ method: m[1], path, file: relative(appDir, file) });
    }
  }
  return endpoints;
}

export function missingEndpoints(endpoints, openApi) {
  const known = new Map();
  for (const [path, item] of Object.entries(openApi.paths ?? {})) {
    known.set(normalise(path), new Set(Object.keys(item).map((k) => k.toLowerCase())));
  }
  return endpoints.filter((e) => !known.get(normalise(e.path))?.has(e.method));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const docPath = process.argv[2];
  if (!docPath) {
    console.error('usage: npm run api:check -- <path to openapi v1.json>');
    process.exit(2);
  }
  const endpoints = clientEndpoints();
  if (endpoints.length === 0) {
    console.error('api:check: found no endpoint in the client; the scanner needs updating');
    process.exit(2);
  }
  const missing = missingEndpoints(endpoints, JSON.parse(readFileSync(docPath, 'utf8')));
  for (const e of missing) console.error(`missing: ${e.method.toUpperCase()} ${e.path}  (${e.file})`);
  console.log(`api:check: ${endpoints.length - missing.length} of ${endpoints.length} client endpoints found in ${docPath}`);
  process.exit(missing.length ? 1 : 0);
}
