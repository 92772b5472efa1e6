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
  picksDir: string;
  picksShard(yymm: string): string;
  /** Chat message ↔ paper mapping, so a reaction maps back to its paper. */
  chatMessages: string;
  /** Label changes a bot received while another radar process held the state lock. */
  chatPendingLabels: string;
  indexDir: string;
  fulltextDir: string;
  outDir: string;
  /** Interest profiles, `profiles/<YYYY-MM-DD>.json`, history kept. */
  profilesDir: string;
  /** Trend reports, `trends/<end day>.json`, history kept. */
  trendsDir: string;
  /** Benchmark candidates, score cache, merged benchmarks, source health, weekly reports. */
  benchmarksDir: string;
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
    picksDir: join(root, 'picks'),
    picksShard: (yymm) => join(root, 'picks', `${yymm}.jsonl`),
    chatMessages: join(root, 'chat', 'messages.jsonl'),
    chatPendingLabels: join(root, 'chat', 'pending-labels.jsonl'),
    indexDir: join(root, 'index'),
    fulltextDir: join(root, 'fulltext'),
    outDir: join(root, 'out'),
    profilesDir: join(root, 'profiles'),
    trendsDir: join(root, 'trends'),
    benchmarksDir: join(root, 'benchmarks'),
  };
}
