import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetHash } from '../../../src/evals/generation/case-set.ts';
import { loadCaseSet } from '../../../src/store/eval-generation-cases-store.ts';
import { generationEvalPaths } from '../../../src/store/eval-generation-paths.ts';
import { createFulltextStore } from '../../../src/store/fulltext-store.ts';
import { createPapersStore } from '../../../src/store/papers-store.ts';
import { makePaper } from '../../helpers/papers.ts';
import { useTempDirs } from '../../helpers/temp-dir.ts';

const tempDir = useTempDirs();

describe('case sets of paper ids', () => {
  it('resolve against the papers and the cached full text, by path or by name under evals/generation/cases/', async () => {
    const stateDir = tempDir();
    await createPapersStore(stateDir).upsert([makePaper('2511.00001'), makePaper('2511.00002')]);
    await createFulltextStore(stateDir).put('# Intro\nThe full text.', {
      id: '2511.00001',
      route: 'latex',
      fetchedAt: '2026-11-02T00:00:00Z',
      chars: 0,
      failures: [],
    });
    const dir = generationEvalPaths(stateDir).casesDir;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'weekly.txt'), '# three papers\n2511.00001\n2511.00002\n2511.09999\n');
    const loaded = await loadCaseSet(stateDir, stateDir, 'weekly');
    expect(loaded).toMatchObject({ kind: 'ids', path: join('evals', 'generation', 'cases', 'weekly.txt') });
    const [withText, noText, missing] = loaded.cases;
    expect(withText).toMatchObject({
      id: '2511.00001',
      title: 'Paper 2511.00001',
      full_text: '# Intro\nThe full text.',
      source: 'papers:latex',
    });
    expect(noText).toMatchObject({ id: '2511.00002', source: 'papers:no-fulltext' });
    expect(noText?.full_text).toBeUndefined();
    expect(missing).toMatchObject({ id: '2511.09999', title: '', abstract: '', source: 'papers:missing' });

    // The dataset hash follows the cached text: a new full text is a new benchmark key.
    const before = datasetHash(loaded.cases);
    await createFulltextStore(stateDir).put('# Intro\nA newer full text.', {
      id: '2511.00002',
      route: 'html',
      fetchedAt: '2026-11-03T00:00:00Z',
      chars: 0,
      failures: [],
    });
    expect(datasetHash((await loadCaseSet(stateDir, stateDir, 'weekly')).cases)).not.toBe(before);
  });

  it('names an unknown case set and a bad JSONL line', async () => {
    const stateDir = tempDir();
    await expect(loadCaseSet(stateDir, stateDir, 'nope')).rejects.toThrow(/no file "nope"/);
    writeFileSync(join(stateDir, 'bad.jsonl'), '{"id":"a"}\n{"id": 3}\n');
    await expect(loadCaseSet(stateDir, stateDir, 'bad.jsonl')).rejects.toThrow(/line 2: id/);
  });
});
