/**
 * The files of a LaTeX source tree: which one is the main file, and the document with its
 * `\input`/`\include` files inlined and its comments removed. Pure: works on file contents.
 */

export interface TexFile {
  name: string;
  content: string;
}

const PREFERRED_MAIN = /^(main|ms|paper|manuscript|article|arxiv|root)$/i;

/** Removes `%` comments; lines that held only a comment go, so no spurious paragraph breaks appear. */
export function stripTexComments(tex: string): string {
  const out: string[] = [];
  for (const line of tex.split(/\r?\n/)) {
    const match = /(^|[^\\])((?:\\\\)*)%/.exec(line);
    if (!match) {
      out.push(line);
      continue;
    }
    const kept = line.slice(0, match.index + match[0].length - 1);
    if (kept.trim() !== '') out.push(kept);
  }
  return out.join('\n');
}

function baseName(name: string): string {
  const file = name.split('/').at(-1) ?? name;
  return file.replace(/\.tex$/i, '');
}

function depth(name: string): number {
  return name.split('/').length;
}

function mainScore(file: TexFile): number {
  const tex = stripTexComments(file.content);
  let score = 0;
  if (/\\documentclass\b/.test(tex)) score += 4;
  if (/\\begin\s*\{document\}/.test(tex)) score += 4;
  return score;
}

/**
 * The main file: one with `\documentclass` and `\begin{document}`; among several, a name such as
 * main.tex, ms.tex or paper.tex, then the shallowest path, then the longest file.
 */
export function findMainTex(files: readonly TexFile[]): TexFile | undefined {
  const candidates = files
    .filter((f) => /\.(tex|ltx|latex)$/i.test(f.name))
    .map((file) => ({ file, score: mainScore(file) }))
    .filter((c) => c.score > 0);
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      Number(PREFERRED_MAIN.test(baseName(b.file.name))) -
        Number(PREFERRED_MAIN.test(baseName(a.file.name))) ||
      depth(a.file.name) - depth(b.file.name) ||
      b.file.content.length - a.file.content.length,
  );
  return candidates[0]?.file;
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

function resolveInput(
  ref: string,
  fromDir: string,
  files: ReadonlyMap<string, string>,
): [string, string] | undefined {
  const name = ref.trim().replace(/^"|"$/g, '');
  const bases = [normalise(name), normalise(`${fromDir}/${name}`)];
  for (const base of bases) {
    for (const candidate of [base, `${base}.tex`]) {
      const content = files.get(candidate);
      if (content !== undefined) return [candidate, content];
    }
  }
  return undefined;
}

export interface InlineResult {
  tex: string;
  /** Inputs that named no file of the tree, or nested deeper than the limit. */
  missing: string[];
}

/** Inlines `\input{…}`, `\include{…}` and `\subfile{…}` recursively, comments stripped, up to `maxDepth`. */
export function inlineInputs(main: TexFile, files: readonly TexFile[], maxDepth = 8): InlineResult {
  const byName = new Map(files.map((f) => [normalise(f.name), f.content]));
  const rootDir = normalise(main.name).split('/').slice(0, -1).join('/');
  const missing: string[] = [];
  const expand = (tex: string, level: number): string =>
    stripTexComments(tex).replace(/\\(?:input|include|subfile)\s*\{([^{}]+)\}/g, (_all, ref: string) => {
      const found = resolveInput(ref, rootDir, byName);
      if (!found || level >= maxDepth) {
        missing.push(ref);
        return '';
      }
      return `\n${expand(found[1], level + 1)}\n`;
    });
  return { tex: expand(main.content, 0), missing };
}
