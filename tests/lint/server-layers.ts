/**
 * The server's layers (server/README.md), bottom to top: a file may import its own layer or a
 * lower one, never a higher one, and no files may import each other in a loop. Read from the
 * source's own import lines; tests, suites and server/testing/ (which build whole apps) are exempt.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Bottom first. A folder entry ends in '/'; a file entry names a file directly under server/. */
export const SERVER_LAYERS: readonly (readonly string[])[] = [
  ['errors.ts', 'config.ts', 'admin-token.ts', 'tls.ts', 'db/', 'crypto/'],
  ['repositories/'],
  ['services/'],
  ['plugins/'],
  ['schemas/'],
  ['routes/'],
  ['app.ts'],
  ['main.ts', 'cli/'],
];

/** A server-relative path → its layer index, or null when the file is exempt. */
export const layerOf = (path: string): number | null => {
  if (/\.(test|suite)\.ts$/.test(path) || path.startsWith('testing/')) return null;
  const index = SERVER_LAYERS.findIndex((layer) => layer.some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry)));
  if (index < 0) throw new Error(`server/${path} belongs to no layer of SERVER_LAYERS`);
  return index;
};

/** Import graph: server-relative path → the server-relative files it imports. */
export type ImportGraph = Record<string, string[]>;

const SPECIFIER = /(?:^|\s)(?:import|export)\s[^'";]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)|^import\s+'(\.[^']+)'/gm;

export const readServerImports = (serverDir: string): ImportGraph => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) files.push(path);
    }
  };
  walk(serverDir);
  const known = new Set(files);
  const graph: ImportGraph = {};
  for (const file of files) {
    const targets: string[] = [];
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const base = resolve(dirname(file), match[1] ?? match[2] ?? match[3]!);
      const target = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => known.has(candidate));
      if (target) targets.push(relative(serverDir, target));
    }
    graph[relative(serverDir, file)] = targets;
  }
  return graph;
};

/** Every import from a lower layer to a higher one, as `from -> to`. */
export const upwardImports = (graph: ImportGraph): string[] =>
  Object.entries(graph).flatMap(([from, targets]) => {
    const own = layerOf(from);
    if (own === null) return [];
    return targets.filter((to) => (layerOf(to) ?? -1) > own).map((to) => `${from} -> ${to}`);
  });

/** Import loops among the non-exempt files, each as `a -> b -> ... -> a`. */
export const importCircles = (graph: ImportGraph): string[] => {
  const circles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    state.set(file, 'open');
    for (const next of graph[file] ?? []) {
      if (layerOf(next) === null) continue;
      if (state.get(next) === 'open') circles.push([...trail.slice(trail.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next, [...trail, next]);
    }
    state.set(file, 'done');
  };
  for (const file of Object.keys(graph).sort()) if (layerOf(file) !== null && !state.has(file)) visit(file, [file]);
  return circles;
};
