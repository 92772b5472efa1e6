import { describe, expect, it } from 'vitest';
import { runCliAsync } from './helpers/run-cli.ts';
import { useTempDirs } from './helpers/temp-dir.ts';
import { startPipelineFakes, recentPapers, pipelineSetup, pagesPerPaper, messagesPerPaper } from './helpers/pipeline-fakes.ts';
const tempDir = useTempDirs();
describe('try', () => {
  it('runs', async () => {
    const fakes = await startPipelineFakes();
    const papers = recentPapers(fakes, 12);
    const s = pipelineSetup(fakes, tempDir());
    let t = Date.now();
    const init = await runCliAsync(['notion', 'init', '--parent', fakes.notion.rootPageId], s);
    console.log(init, Date.now() - t); t = Date.now();
    const run = await runCliAsync(['run', '--once', '--online'], s);
    console.log(run.status, run.stdout, run.stderr.slice(0, 3000), Date.now() - t);
    console.log(pagesPerPaper(fakes), messagesPerPaper(fakes, papers.map(p => p.id)), fakes.telegram.sentMessages().length);
    console.log(fakes.openai.chatRequests().map(r => r.response_format?.type));
    await fakes.close();
  }, 60000);
});
