/**
 * A Dockerfile read as Docker reads it, for checks without a Docker engine: comments dropped,
 * `\` continuations joined, instructions with their stage, JSON (exec) forms parsed.
 */
import { readFileSync } from 'node:fs';

interface Instruction {
  keyword: string;
  args: string;
  /** Index of the FROM stage it belongs to. */
  stage: number;
  line: number;
}

export function parseDockerfile(file: string): Instruction[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Instruction[] = [];
  let stage = -1;
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i] ?? '';
    if (/^\s*(#|$)/.test(text)) continue;
    while (/\\\s*$/.test(text) && i + 1 < lines.length) {
      i += 1;
      const next = lines[i] ?? '';
      if (/^\s*#/.test(next)) continue;
      text = `${text.replace(/\\\s*$/, '')} ${next.trim()}`;
    }
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(text);
    if (!match) throw new Error(`${file}:${start + 1}: not an instruction: ${text}`);
    const keyword = (match[1] ?? '').toUpperCase();
    if (keyword === 'FROM') stage += 1;
    out.push({ keyword, args: (match[2] ?? '').trim(), stage, line: start + 1 });
  }
  return out;
}

/** The exec form `["a", "b"]` as a list; undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string'))
    throw new Error(`bad exec form: ${args}`);
  return parsed;
}

/** `--from=deps --chown=x a b dest` → flags and paths. */
export function copyParts(args: string): { flags: Record<string, string>; sources: string[]; dest: string } {
  const words = execForm(args) ?? args.split(/\s+/);
  const flags: Record<string, string> = {};
  const paths: string[] = [];
  for (const word of words) {
    const flag = /^--([a-z-]+)=(.*)$/.exec(word);
    if (flag) flags[flag[1] ?? ''] = flag[2] ?? '';
    else paths.push(word);
  }
  const dest = paths.pop() ?? '';
  return { flags, sources: paths, dest };
}

/** ENV lines of a stage as key → value (`K=V K2=V2` and the old `K V` form). */
export function envOf(instructions: readonly Instruction[], stage: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const ins of instructions) {
    if (ins.keyword !== 'ENV' || ins.stage !== stage) continue;
    if (!ins.args.includes('=')) {
      const [key, ...rest] = ins.args.split(/\s+/);
      env[key ?? ''] = rest.join(' ');
      continue;
    }
    for (const pair of ins.args.match(/[A-Za-z_][A-Za-z0-9_]*=("[^"]*"|\S*)/g) ?? []) {
      const at = pair.indexOf('=');
      env[pair.slice(0, at)] = pair.slice(at + 1).replace(/^"|"$/g, '');
    }
  }
  return env;
}
