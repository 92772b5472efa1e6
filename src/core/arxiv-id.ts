/**
 * arXiv identifiers: new style `2511.01234v2`, old style `hep-th/9901001v1`. Both shard by
 * their YYMM (`2511`, `9901`).
 */
const NEW_STYLE = /^(\d{4})\.(\d{4,5})(?:v(\d+))?$/;
const OLD_STYLE = /^([a-z-]+(?:\.[A-Z]{2})?)\/(\d{2})(\d{2})(\d{3})(?:v(\d+))?$/;

export interface ArxivId {
  /** Without version: `2511.01234`, `hep-th/9901001`. */
  id: string;
  version: number | undefined;
  yymm: string;
}

export function parseArxivId(raw: string): ArxivId | undefined {
  const text = raw
    .trim()
    .replace(/^https?:\/\/(export\.)?arxiv\.org\/(abs|pdf)\//, '')
    .replace(/^arXiv:/i, '')
    .replace(/\.pdf$/, '');
  const modern = NEW_STYLE.exec(text);
  if (modern) {
    const [, yymm = '', num = '', version] = modern;
    return { id: `${yymm}.${num}`, version: version ? Number(version) : undefined, yymm };
  }
  const old = OLD_STYLE.exec(text);
  if (old) {
    const [, archive = '', yy = '', mm = '', num = '', version] = old;
    return {
      id: `${archive}/${yy}${mm}${num}`,
      version: version ? Number(version) : undefined,
      yymm: `${yy}${mm}`,
    };
  }
  return undefined;
}

export function isArxivId(raw: string): boolean {
  return parseArxivId(raw) !== undefined;
}

/** The shard key of a paper id; throws on a string that is not an arXiv id. */
export function shardOf(id: string): string {
  const parsed = parseArxivId(id);
  if (!parsed) throw new Error(`not an arXiv id: ${id}`);
  return parsed.yymm;
}

/** Ids sort by their text, which for new-style ids is also chronological. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
