/**
 * The interest profile job behind `radar profile`: reads labels, papers, summaries' tags, the first
 * active model's vectors and its classifier, builds the profile (profile-build.ts), has the LLM
 * name the liked clusters (profile-naming.ts) and saves it in the profiles store under today's
 * date. Today's saved profile is returned as it is unless `rebuild`.
 */
import { join } from 'node:path';
import type { RadarConfig } from '../config/schema.ts';
import { RadarError } from '../core/errors.ts';
import { localDay } from '../core/local-day.ts';
import { loadPrompt } from '../digest/prompt-files.ts';
import type { LlmClient } from '../llm/llm-client.ts';
import type { Logger } from '../log/logger.ts';
import { scoreRows } from '../rank/preference-model.ts';
import { rowIndex, type VectorMatrix } from '../rank/vector-matrix.ts';
import { writeFileAtomic } from '../store/atomic-write.ts';
import type { ClassifierStore } from '../store/classifier-store.ts';
import type { StoredProfile } from '../store/insights-store.ts';
import type { Label } from '../store/schemas.ts';
import type { Stores } from '../store/stores.ts';
import { applyNames, buildProfileDraft } from './profile-build.ts';
import { nameClusters } from './profile-naming.ts';
import { renderProfileMarkdown } from './render-profile.ts';

export interface ProfileDeps {
  stores: Pick<Stores, 'vectors' | 'labels' | 'papers' | 'summaries' | 'classifiers' | 'profiles'>;
  /** Where the markdown is also written as `profile-<date>.md` (the state's `out/`); none when absent. */
  outDir?: string;
  config: RadarConfig;
  logger: Logger;
  llm?: LlmClient;
  now?: () => Date;
  promptsDir?: string;
}

export interface ProfileRun {
  profile: StoredProfile;
  /** True when today's saved profile was returned without rebuilding. */
  reused: boolean;
  /** The profile as markdown, also written to `<outDir>/profile-<date>.md` (for Notion or a reader). */
  markdown: string;
  /** The markdown's file, when an `outDir` was given. */
  markdownFile?: string;
}

/** Fewer liked papers with a vector than this and there is nothing to cluster. */
export const MIN_LIKED = 3;

/** The classifier's scores of the labeled papers, when a trained classifier of this model applies. */
async function classifierScores(
  classifiers: ClassifierStore,
  model: string,
  matrix: VectorMatrix,
  labels: readonly Label[],
): Promise<Map<string, number> | undefined> {
  const stored = await classifiers.readClassifier(model);
  if (stored?.kind !== 'logistic' || stored.dims !== matrix.dims) return undefined;
  const rows = rowIndex(matrix);
  const ids = labels.map((l) => l.id).filter((id) => rows.has(id));
  const scores = scoreRows(
    stored,
    matrix,
    ids.map((id) => rows.get(id) ?? 0),
  );
  return new Map(ids.map((id, i) => [id, scores[i] ?? 0]));
}

export async function buildInterestProfile(
  deps: ProfileDeps,
  options: { rebuild?: boolean } = {},
): Promise<ProfileRun> {
  const now = deps.now?.() ?? new Date();
  const date = localDay(now, deps.config.schedule.timezone);
  const { stores } = deps;
  const store = stores.profiles;
  const saved = options.rebuild ? undefined : await store.read(date);
  if (saved) return { profile: saved, reused: true, ...(await writeMarkdown(deps.outDir, saved)) };
  const model = deps.config.embedding.active[0];
  if (model === undefined) throw new RadarError('no active embedding model (embedding.active)');
  const [matrix, labels, papers, summaries] = await Promise.all([
    stores.vectors(model).load(),
    stores.labels.readAll(),
    stores.papers.readAll(),
    stores.summaries.readAll(),
  ]);
  const withVector = new Set(matrix.ids);
  const liked = labels.filter((l) => l.label === 1 && withVector.has(l.id)).length;
  if (liked < MIN_LIKED) {
    throw new RadarError(
      `the profile needs at least ${MIN_LIKED} liked papers with a vector of model "${model}"; there are ${liked} (label papers 👍, then run radar embed)`,
    );
  }
  const scores = await classifierScores(stores.classifiers, model, matrix, labels);
  const draft = buildProfileDraft({
    date,
    createdAt: now.toISOString(),
    model,
    seed: deps.config.ranking.seed,
    matrix,
    labels,
    papers,
    tagsById: new Map(summaries.map((s) => [s.id, s.tags])),
    ...(scores ? { scores } : {}),
  });
  const prompt = await loadPrompt('profile', deps.promptsDir);
  const naming = await nameClusters({ llm: deps.llm, prompt }, draft.forNaming, draft.profile.labels.liked);
  if (naming.error)
    deps.logger.warn({ error: naming.error }, 'LLM naming failed; clusters named by their terms');
  const profile = applyNames(draft.profile, naming.names, {
    by: naming.by,
    model: naming.model,
    error: naming.error,
  });
  await store.write(date, profile);
  deps.logger.info(
    { date, interests: profile.interests.length, naming: naming.by },
    'interest profile saved',
  );
  return { profile, reused: false, ...(await writeMarkdown(deps.outDir, profile)) };
}

async function writeMarkdown(
  outDir: string | undefined,
  profile: StoredProfile,
): Promise<{ markdown: string; markdownFile?: string }> {
  const markdown = renderProfileMarkdown(profile);
  if (outDir === undefined) return { markdown };
  const markdownFile = join(outDir, `profile-${profile.date}.md`);
  await writeFileAtomic(markdownFile, markdown);
  return { markdown, markdownFile };
}
