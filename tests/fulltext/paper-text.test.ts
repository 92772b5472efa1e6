/** getPaperText, as the summarizer calls it: text by the best route, fitted to a token budget. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPaperText } from '../../src/fulltext/paper-text.ts';
import { splitSections } from '../../src/fulltext/sections.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { type ArxivFake, documentFor, loadSharedPapers, startArxivFake } from '../fakes/arxiv-fake.ts';
import { runCliAsync } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { service, toPaper, wire } from './setup.ts';

const tempDir = useTempDirs();
const papers = loadSharedPapers(3);
const [long, bare, other] = papers.map(toPaper);
let fake: ArxivFake;
let stateDir: string;

beforeEach(async () => {
  fake = await startArxivFake({ papers, links: 'self' });
  stateDir = tempDir();
  await createPapersStore(stateDir).upsert(papers.map(toPaper));
});
afterEach(() => fake.close());

const filler = (topic: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) =>
    `${topic} paragraph ${i + 1} explains one more detail of the ${topic}.`.repeat(4),
  );

describe('getPaperText', () => {
  it('drops references, appendix and related work before touching the core sections, in order', async () => {
    const fakePaper = papers[0];
    if (!long || !fakePaper) throw new Error('no sample paper');
    const base = documentFor(fakePaper);
    const sections = [
      { heading: 'Introduction', paragraphs: filler('introduction', 4) },
      { heading: 'Related Work', paragraphs: filler('related work', 10) },
      { heading: 'Method', paragraphs: filler('method', 8) },
      { heading: 'Experiments', paragraphs: filler('experiments', 8) },
      { heading: 'Conclusion', paragraphs: filler('conclusion', 2) },
      { heading: 'References', paragraphs: filler('references', 20) },
      { heading: 'Appendix A: Proofs', paragraphs: filler('proofs', 20) },
    ];
    fake.generateFullText(long.id, { document: { ...base, sections } });
    const deps = { fullText: service(wire(fake, stateDir)) };
    const full = await getPaperText(deps, long, { maxTokens: 1_000_000 });
    expect(full.truncated).toBe(false);
    const fitted = await getPaperText(deps, long, { maxTokens: 2500 });
    expect(fitted.route).toBe('latex');
    expect(fitted.truncated).toBe(true);
    expect(fitted.text.length).toBeLessThanOrEqual(10_000);
    expect(fitted.dropped).toEqual([
      'appendix: Appendix A: Proofs',
      'references: References',
      'related: Related Work',
    ]);
    expect(splitSections(fitted.text).map((s) => s.kind)).toEqual([
      'front',
      'abstract',
      'introduction',
      'method',
      'experiments',
      'conclusion',
    ]);
    expect(fake.requests).toHaveLength(1);
  });

  it('gives the abstract, marked as such, when no full text exists', async () => {
    if (!bare) throw new Error('no sample paper');
    const result = await getPaperText({ fullText: service(wire(fake, stateDir)) }, bare, { maxTokens: 8000 });
    expect(result.route).toBe('abstract');
    expect(result.text).toContain(bare.abstract.trim());
    expect(result.text).toContain('abstract only');
    expect(result.truncated).toBe(false);
  });
});

describe('radar fetch-text', () => {
  it('prints the route and size per id, then serves the cache; rejects a bad id', async () => {
    if (!long || !bare || !other) throw new Error('no sample papers');
    fake.generateFullText(long.id);
    fake.generateFullText(other.id, { eprint: 'gz' });
    const cwd = tempDir();
    writeFileSync(join(cwd, 'radar.config.yaml'), 'arxiv:\n  requestIntervalSeconds: 0\n');
    const env = { RADAR_ARXIV_SITE_URL: fake.url, RADAR_STATE_DIR: stateDir };
    const first = await runCliAsync(['fetch-text', long.id, other.id, bare.id], { cwd, env });
    expect(first.stderr).toBe('');
    const lines = first.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${long.id}  latex  \\d{1,3}(,\\d{3})* chars$`));
    expect(lines[1]).toMatch(new RegExp(`^${other.id}  latex  [\\d,]+ chars$`));
    expect(lines[2]).toMatch(new RegExp(`^${bare.id}  abstract  [\\d,]+ chars$`));
    expect(first.status).toBe(0);

    const before = fake.requests.length;
    const second = await runCliAsync(['fetch-text', long.id], { cwd, env });
    expect(second.stdout).toMatch(/latex {2}[\d,]+ chars {2}\(cached\)/);
    expect(fake.requests.length).toBe(before);

    const bad = await runCliAsync(['fetch-text', 'not-an-id'], { cwd, env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not arXiv ids: not-an-id');
  });
});
