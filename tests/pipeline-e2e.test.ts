/**
 * The daily loop end to end against the four fakes: `radar run --once --online` turns feed entries
 * into Notion pages and Telegram messages; a 👍 reaction (through `radar bot`) and a 👎 set in
 * Notion (through `radar feedback poll`) become labels; the poll retrains the classifier, and the
 * next day's ranking uses it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { predictProba } from '../src/rank/logistic-regression.ts';
import { createClassifierStore } from '../src/store/classifier-store.ts';
import { createEmbeddingsStore } from '../src/store/embeddings-store.ts';
import { createLabelsStore } from '../src/store/labels-store.ts';
import { createPapersStore } from '../src/store/papers-store.ts';
import { createPicksStore } from '../src/store/picks-store.ts';
import { createRunsStore } from '../src/store/runs-store.ts';
import { createSummariesStore } from '../src/store/summaries-store.ts';
import { reactionUpdate } from './fakes/telegram/updates.ts';
import {
  LLM_MODEL,
  messagesPerPaper,
  type PipelineFakes,
  type PipelineSetup,
  pagesPerPaper,
  pipelineSetup,
  recentPapers,
  startPipelineFakes,
  waitFor,
} from './helpers/pipeline-fakes.ts';
import { RADAR_BIN, runCliAsync } from './helpers/run-cli.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fakes: PipelineFakes | undefined;
let bot: ChildProcess | undefined;
afterEach(async () => {
  if (bot?.exitCode === null) bot.kill('SIGKILL');
  bot = undefined;
  await fakes?.close();
  fakes = undefined;
});

const MODEL = 'hashing-64';
const PICKS = 4;

function startBot(setup: PipelineSetup): {
  child: ChildProcess;
  stdout: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [RADAR_BIN, 'bot'], {
    cwd: setup.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: setup.cwd, RADAR_LOG_LEVEL: 'warn', ...setup.env },
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => stdout, exit };
}

/** Stores copies of the papers (and their vectors) under new ids, as if collected later; returns the ids. */
async function collectCopies(state: string, ids: readonly string[]): Promise<string[]> {
  const papers = await createPapersStore(state).get(ids);
  const matrix = await createEmbeddingsStore(state, MODEL).load();
  const copies = ids.map((id, i) => ({ from: id, id: `2612.${String(90_000 + i)}` }));
  await createPapersStore(state).upsert(
    copies.flatMap((c) => {
      const paper = papers.get(c.from);
      return paper ? [{ ...paper, id: c.id }] : [];
    }),
  );
  await createEmbeddingsStore(state, MODEL).upsert(
    // The mean of two papers' vectors: new text, not a near-duplicate of either.
    copies.map((c, i) => {
      const rowOf = (id: string) => matrix.ids.indexOf(id) * matrix.dims;
      const a = rowOf(c.from);
      const b = rowOf(copies[(i + 1) % copies.length]?.from ?? c.from);
      const vector = Float32Array.from(
        { length: matrix.dims },
        (_, j) => (matrix.data[a + j] ?? 0) + (matrix.data[b + j] ?? 0),
      );
      return { id: c.id, vector };
    }),
  );
  return copies.map((c) => c.id);
}

/** The classifier stored for the model scores each id (from its stored vector). */
async function classifierScores(state: string, ids: readonly string[]): Promise<Map<string, number>> {
  const classifier = await createClassifierStore(state).readClassifier(MODEL);
  if (!classifier) throw new Error('no classifier stored');
  const matrix = await createEmbeddingsStore(state, MODEL).load();
  const scores = new Map<string, number>();
  for (const id of ids) {
    const row = matrix.ids.indexOf(id);
    const vector = matrix.data.subarray(row * matrix.dims, (row + 1) * matrix.dims);
    scores.set(id, predictProba(classifier, vector, 1)[0] ?? Number.NaN);
  }
  return scores;
}

describe('the daily pipeline end to end (arXiv, OpenAI, Notion, Telegram fakes)', () => {
  it('publishes the picks, learns from a reaction and a Notion Feedback, retrains, and ranks the next day with the classifier', async () => {
    fakes = await startPipelineFakes();
    const f = fakes;
    const papers = recentPapers(f, 12);
    const ids = papers.map((p) => p.id);
    const setup = pipelineSetup(f, tempDir(), { picksPerDay: PICKS });
    const state = join(setup.cwd, 'state');

    const init = await runCliAsync(['notion', 'init', '--parent', f.notion.rootPageId], setup);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('Papers: created database');

    // The daily run.
    const run = await runCliAsync(['run', '--once', '--online'], setup);
    expect(run.stderr).not.toMatch(/"level":(50|60)/);
    expect(run.status).toBe(0);
    const [manifest] = await createRunsStore(state).list();
    expect(manifest?.status).toBe('completed');
    expect(manifest?.steps.map((s) => [s.name, s.status])).toEqual(
      ['collect', 'embed', 'rank', 'summarize', 'publish', 'notify'].map((n) => [n, 'ok']),
    );
    expect(manifest?.steps[0]?.counts.new).toBe(12);
    expect(manifest?.steps[2]?.note).toContain('(cold-start)');

    const picks = (await createPicksStore(state).readAll()).map((p) => p.id);
    expect(picks).toHaveLength(PICKS);
    const summaries = await createSummariesStore(state).readAll();
    expect(summaries.map((s) => s.id).sort()).toEqual([...picks].sort());
    expect(summaries.every((s) => s.source === 'llm' && s.model.endsWith(LLM_MODEL))).toBe(true);
    expect(pagesPerPaper(f)).toEqual(Object.fromEntries(picks.map((id) => [id, 1])));
    const sent = f.telegram.sentMessages();
    expect(sent).toHaveLength(PICKS + 2);
    expect(sent[0]?.plain_text).toContain(`${PICKS} papers picked for you today`);
    expect(sent.at(-1)?.plain_text).toContain('to teach the radar');
    expect(messagesPerPaper(f, ids)).toEqual(Object.fromEntries(picks.map((id) => [id, 1])));

    // A 👍 reaction on the first paper's message, through `radar bot`.
    const [liked = '', disliked = ''] = picks;
    const message = sent.find((m) => m.plain_text.includes(liked));
    const running = startBot(setup);
    bot = running.child;
    await waitFor('the bot to start', () => (running.stdout().includes('running') ? true : undefined));
    f.telegram.pushUpdate(reactionUpdate({ messageId: message?.message_id ?? 0, emoji: ['👍'] }));
    const labelsFile = join(state, 'labels.csv');
    await waitFor('the reaction label', () => {
      try {
        return readFileSync(labelsFile, 'utf8').includes(liked) ? true : undefined;
      } catch {
        return undefined;
      }
    });
    running.child.kill('SIGINT');
    expect(await running.exit).toBe(0);

    // A 👎 set in Notion on the second paper's page, through `radar feedback poll`, which retrains.
    const page = f.notion.pages().find((p) => p.text['arXiv ID'] === disliked);
    f.notion.setPageProperty(page?.id ?? '', 'Feedback', { select: { name: '👎' } }, { at: new Date() });
    const poll = await runCliAsync(['feedback', 'poll'], setup);
    expect(poll.status).toBe(0);
    expect(poll.stdout).toContain('1 label changes');
    expect(poll.stdout).toContain(`retrained the ${MODEL} classifier on 1+/1- labels`);
    const labels = await createLabelsStore(state).readAll();
    expect(labels.map((l) => [l.id, l.label, l.source]).sort()).toEqual(
      [
        [liked, 1, 'telegram'],
        [disliked, -1, 'notion'],
      ].sort(),
    );
    const trained = await createClassifierStore(state).readClassifier(MODEL);
    expect(trained).toMatchObject({ kind: 'logistic', positives: 1, negatives: 1 });
    const byPoll = await classifierScores(state, [liked, disliked]);
    expect(byPoll.get(liked)).toBeGreaterThan(byPoll.get(disliked) ?? 1);

    // The next day's ranking runs the classifier on the papers collected since (today's were all ranked).
    const rest = await collectCopies(
      state,
      ids.filter((id) => !picks.includes(id)),
    );
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const rank = await runCliAsync(['rank', '--date', tomorrow], setup);
    expect(rank.status).toBe(0);
    expect(rank.stdout).toContain(`${MODEL} (classifier; 1+/1- labels; ${12 - PICKS} candidates`);
    const scores = await classifierScores(state, [liked, disliked, ...rest]);
    expect(scores.get(liked)).toBeGreaterThan(scores.get(disliked) ?? 1);
    // The scores printed for tomorrow's picks are the stored classifier's scores.
    const tomorrowPicks = (await createPicksStore(state).readAll()).filter((p) => p.date === tomorrow);
    expect(tomorrowPicks).toHaveLength(PICKS);
    for (const p of tomorrowPicks) expect(p.score).toBeCloseTo(scores.get(p.id) ?? -1, 6);

    const check = await runCliAsync(['state', 'check'], setup);
    expect(check.status).toBe(0);
  }, 60_000);
});
