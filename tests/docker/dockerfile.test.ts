/**
 * The Dockerfile checked without a Docker engine (Debian has no hadolint package): Node 20 slim,
 * every COPY source present and not left out by .dockerignore, the runtime's packages all in
 * `dependencies` (the image installs with --omit=dev), a non-root user, the state as a volume, and
 * CMD and HEALTHCHECK as radar commands that exist.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { copyParts, envOf, execForm, parseDockerfile } from './dockerfile.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const instructions = parseDockerfile(join(ROOT, 'Dockerfile'));
const finalStage = Math.max(...instructions.map((i) => i.stage));
const final = instructions.filter((i) => i.stage === finalStage);
const one = (keyword: string) => {
  const found = final.filter((i) => i.keyword === keyword);
  expect(found, keyword).toHaveLength(1);
  return found[0]?.args ?? '';
};

function dockerignore(): string[] {
  return readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Whether .dockerignore leaves `path` out of the build context (last matching rule wins, `!` re-includes). */
function ignored(path: string): boolean {
  let out = false;
  for (const rule of dockerignore()) {
    const negate = rule.startsWith('!');
    const pattern = (negate ? rule.slice(1) : rule).replace(/\/$/, '');
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
    if (new RegExp(`^${source}(/.*)?$`).test(path)) out = !negate;
  }
  return out;
}

/** The radar command a `node bin/radar.js <command>` line runs, checked against the real program. */
function radarCommand(words: readonly string[]): string {
  const at = words.indexOf('bin/radar.js');
  expect(words[at - 1]).toBe('node');
  const name = words[at + 1] ?? '';
  expect(buildProgram().commands.map((c) => c.name())).toContain(name);
  return name;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('Dockerfile', () => {
  it('builds on Node 20 slim in every stage and installs without dev dependencies', () => {
    const froms = instructions.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+/)[0]);
    expect(froms.length).toBeGreaterThan(0);
    for (const image of froms) expect(image).toMatch(/^node:20(\.\d+)*-(bookworm-)?slim$/);
    expect(instructions.some((i) => i.keyword === 'RUN' && /\bnpm ci\b.*--omit=dev/.test(i.args))).toBe(true);
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    const stages = new Set(
      instructions.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+as\s+/i)[1]),
    );
    for (const ins of instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')) {
      const { flags, sources } = copyParts(ins.args);
      if (flags.from !== undefined) {
        expect(stages, `line ${ins.line}`).toContain(flags.from);
        continue;
      }
      for (const source of sources) {
        expect(existsSync(join(ROOT, source)), `line ${ins.line}: ${source}`).toBe(true);
        expect(ignored(source), `line ${ins.line}: ${source} is in .dockerignore`).toBe(false);
      }
    }
  });

  it('keeps secrets, state and local installs out of the build context', () => {
    for (const path of ['.env', '.git', 'node_modules', 'state', 'models/model.onnx'])
      expect(ignored(path), path).toBe(true);
    expect(ignored('.env.example')).toBe(false);
  });

  it('needs at run time only packages of `dependencies`', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const builtins = new Set(builtinModules);
    const missing = new Set<string>();
    for (const file of [...sourceFiles(join(ROOT, 'src')), join(ROOT, 'bin', 'radar.js')]) {
      const text = readFileSync(file, 'utf8');
      const specs = [
        ...[...text.matchAll(/^(?:import|export)\s+(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]/gm)].map(
          (m) => m[1],
        ),
        ...[...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]),
      ];
      for (const spec of specs) {
        if (spec === undefined || spec.startsWith('.') || spec.startsWith('node:') || builtins.has(spec))
          continue;
        const name = spec.startsWith('@')
          ? spec.split('/').slice(0, 2).join('/')
          : (spec.split('/')[0] ?? spec);
        if (!(name in pkg.dependencies)) missing.add(`${name} (${relative(ROOT, file)})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('runs `radar daemon` as a non-root user over the state volume, with a `radar status` healthcheck', () => {
    const user = one('USER');
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const userAt = final.findIndex((i) => i.keyword === 'USER');
    const cmdAt = final.findIndex((i) => i.keyword === 'CMD');
    expect(userAt).toBeLessThan(cmdAt);
    const env = envOf(instructions, finalStage);
    const volumes = execForm(one('VOLUME')) ?? one('VOLUME').split(/\s+/);
    expect(volumes).toContain(env.RADAR_STATE_DIR);
    expect(radarCommand(execForm(one('CMD')) ?? [])).toBe('daemon');
    const health = one('HEALTHCHECK');
    const check = execForm(health.slice(health.indexOf('CMD ') + 4)) ?? [];
    expect(check.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(radarCommand((check[2] ?? '').split(/\s+/))).toBe('status');
  });
});
