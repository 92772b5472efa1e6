/**
 * The HTML report of a generation run rendered in headless Chromium (Debian's chromium, as in
 * CI): the inlined chart library runs offline, every chart draws, the numbers of the manifest
 * are on the page.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvalGenerationCompare } from '../../../src/cli/commands/eval-generation-compare.ts';
import { buildReport } from '../../../src/cli/commands/eval-generation-report.ts';
import { createFileStores } from '../../../src/store/stores.ts';
import { type OpenAIFake, startOpenAIFake } from '../../fakes/openai-fake.ts';
import { consistentJudge, judgeResponder } from '../../fakes/openai-judge.ts';
import { useTempDirs } from '../../helpers/temp-dir.ts';
import { addCandidates, MODEL_A, MODEL_B, testContext, writeCases } from './setup.ts';

const BROWSER = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const tempDir = useTempDirs();
let fake: OpenAIFake;

beforeAll(async () => {
  fake = await startOpenAIFake();
});
afterAll(async () => {
  await fake.close();
});

/** Counts the painted pixels of every canvas once the page's scripts ran, into a body attribute. */
const PROBE = `<script>
var counts=[].map.call(document.querySelectorAll('canvas'),function(c){
  var d=c.getContext('2d').getImageData(0,0,c.width,c.height).data,n=0;
  for(var i=3;i<d.length;i+=4)if(d[i]>0)n++;return n;});
document.body.setAttribute('data-painted',counts.join(','));
</script></body>`;

function dumpDom(html: string, dir: string): string {
  const file = join(dir, 'report.html');
  writeFileSync(file, html.replace('</body>', PROBE));
  return execFileSync(
    BROWSER,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--window-size=1200,1600',
      '--dump-dom',
      `file://${file}`,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

describe('radar eval generation report', () => {
  it('is one offline page whose four charts draw in Chromium, with the run statistics', async () => {
    const stateDir = tempDir();
    await addCandidates(stateDir);
    const cases = writeCases(stateDir, 8);
    fake.onChat(
      judgeResponder({
        judge: consistentJudge({ faithfulness: MODEL_A, coverage: 'tie', usefulness: MODEL_B }),
        padding: { [MODEL_A]: 25 },
      }),
    );
    const ctx = testContext(stateDir, fake.url);
    expect(
      await runEvalGenerationCompare(ctx, { cases, candidate: ['cand-a', 'cand-b'] }, () => undefined),
    ).toBe(0);
    const store = createFileStores(stateDir).evals.generation.runs;
    const [listing] = await store.list();
    if (!listing?.ok) throw new Error('no run');
    const html = await buildReport(store, listing.runId, new Date('2026-12-02T02:00:00Z'));
    // Booleans, not the page: a failure message must not print 200 kB of inlined library.
    expect(/<script[^>]+src=|<link[^>]+href=/.test(html)).toBe(false);
    expect(html.includes('window.Chart=')).toBe(true);
    const dom = dumpDom(html, stateDir);
    expect(dom.includes('data-charts="ready"')).toBe(true);
    const painted = /data-painted="([^"]*)"/.exec(dom)?.[1]?.split(',').map(Number) ?? [];
    expect(painted).toHaveLength(4);
    for (const n of painted) expect(n).toBeGreaterThan(500);
    expect(dom.includes('cand-a (A) vs cand-b (B)')).toBe(true);
    // faithfulness: A wins all 8, coverage ties, usefulness B: overall a tie on every case.
    expect(/<th>faithfulness<\/th><td>8<\/td><td>0<\/td><td>0<\/td><td>100\.0 %<\/td>/.test(dom)).toBe(true);
    expect(/<th>overall<\/th><td>0<\/td><td>8<\/td><td>0<\/td><td>50\.0 %<\/td>/.test(dom)).toBe(true);
    expect(dom.match(/<code>case-\d{3}<\/code>/g)).toHaveLength(8);
  });
});
