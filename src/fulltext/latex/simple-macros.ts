/**
 * Expands authors' argument-free macros (`\newcommand{\method}{\textsc{FastRoute}}`,
 * `\def\ours{Ours}`) in the text, so names the paper defines itself are not lost. Macros with
 * parameters are left alone (the converter keeps their arguments' text). Pure.
 */

const DEFINITION =
  /\\(?:newcommand|renewcommand|providecommand|DeclareRobustCommand)\*?\s*\{?\\([A-Za-z]+)\}?\s*(\[\d\])?\s*\{|\\def\s*\\([A-Za-z]+)\s*(#\d)?\s*\{/g;
const MAX_BODY = 300;

/** The text from `start` up to the brace that closes the group opened just before it. */
function groupFrom(tex: string, start: number): string | undefined {
  let depth = 1;
  for (let i = start; i < tex.length; i++) {
    const ch = tex[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return tex.slice(start, i);
  }
  return undefined;
}

export function simpleMacros(tex: string): Map<string, string> {
  const macros = new Map<string, string>();
  for (const match of tex.matchAll(DEFINITION)) {
    const name = match[1] ?? match[3];
    const hasParams = match[2] !== undefined || match[4] !== undefined;
    const body = groupFrom(tex, (match.index ?? 0) + match[0].length);
    if (!name || hasParams || body === undefined || body.length > MAX_BODY || body.includes('#')) continue;
    macros.set(name, body.replace(/\\xspace\b/g, ''));
  }
  return macros;
}

/** Replaces uses of the macros in `body` (a use followed by `{}` swallows it), a few rounds deep. */
export function expandSimpleMacros(body: string, macros: ReadonlyMap<string, string>): string {
  if (macros.size === 0) return body;
  const names = [...macros.keys()].sort((a, b) => b.length - a.length).join('|');
  const use = new RegExp(`\\\\(${names})(?![A-Za-z])(\\{\\})?`, 'g');
  let text = body;
  for (let round = 0; round < 3; round++) {
    const next = text.replace(use, (_all, name: string) => macros.get(name) ?? '');
    if (next === text) break;
    text = next;
  }
  return text;
}
