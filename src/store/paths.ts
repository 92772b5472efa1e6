/** The layout of the state directory: the one place that knows where each file lives. */
import { join } from 'node:path';

export interface StatePaths {
  root: string;
  lock: string;
  kv: string;
  papersDir: string;
  papersShard(yymm: string): string;
  labels: string;
  summariesDir: string;
  summariesShard(yymm: string): string;
  tags: string;
  links: string;
  notion: string;
  ledgerDir: string;
  ledgerShard(yymm: string): string;
  embeddingsDir: string;
  runsDir: string;
  runDir(runId: string): string;
  classifiersDir: string;
  indexDir: string;
  fulltextDir: string;
  outDir: string;
}

export function statePaths(root: string): StatePaths {
  return {
    root,
    lock: join(root, '.lock'),
    kv: join(root, 'cursors.json'),
    papersDir: join(root, 'papers'),
    papersShard: (yymm) => join(root, 'papers', `${yymm}.csv`),
    labels: join(root, 'labels.csv'),
    summariesDir: join(root, 'summaries'),
    summariesShard: (yymm) => join(root, 'summaries', `${yymm}.jsonl`),
    tags: join(root, 'tags.json'),
    links: join(root, 'links.jsonl'),
    notion: join(root, 'notion.json'),
    ledgerDir: join(root, 'ledger'),
    ledgerShard: (yymm) => join(root, 'ledger', `${yymm}.jsonl`),
    embeddingsDir: join(root, 'embeddings'),
    runsDir: join(root, 'runs'),
    runDir: (runId) => join(root, 'runs', runId),
    classifiersDir: join(root, 'classifiers'),
    indexDir: join(root, 'index'),
    fulltextDir: join(root, 'fulltext'),
    outDir: join(root, 'out'),
  };
}
