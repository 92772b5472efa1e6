/**
 * The tag vocabulary as the summarize job uses it: loaded from `tags.json` on first use,
 * resolved through the tag resolver, saved after each batch.
 */
import type { PromptTemplate } from '../digest/prompt-template.ts';
import type { LlmClient } from '../llm/llm-client.ts';
import type { Logger } from '../log/logger.ts';
import type { TagsStore } from '../store/tags-store.ts';
import { createTagResolver, type EmbedTexts, type TagDecision, type TagResolver } from './tag-resolver.ts';
import { createVocabulary, type Vocabulary } from './vocabulary.ts';

export interface TagService {
  /** Canonical tag per given tag; new tags join the vocabulary. */
  canonicalize(tags: readonly string[]): Promise<Map<string, string>>;
  /** Writes the vocabulary when it changed. */
  save(): Promise<void>;
  /** Decisions taken so far (for logs and benches). */
  decisions(): readonly TagDecision[];
}

export interface TagServiceDeps {
  store: TagsStore;
  embed?: EmbedTexts;
  llm?: LlmClient;
  mergePrompt?: PromptTemplate;
  logger: Logger;
}

export function createTagService(
  deps: TagServiceDeps,
  options: { mergeThreshold: number; ambiguousLow: number },
): TagService {
  let state: { vocabulary: Vocabulary; resolver: TagResolver; saved: string } | undefined;
  const all: TagDecision[] = [];
  const load = async () => {
    if (state) return state;
    const vocabulary = createVocabulary(await deps.store.read());
    const resolver = createTagResolver({ ...deps, vocabulary }, options);
    state = { vocabulary, resolver, saved: JSON.stringify(vocabulary.entries()) };
    return state;
  };
  return {
    async canonicalize(tags) {
      const { resolver } = await load();
      const { mapping, decisions } = await resolver.resolve(tags);
      all.push(...decisions);
      return mapping;
    },
    async save() {
      if (!state) return;
      const entries = state.vocabulary.entries();
      const text = JSON.stringify(entries);
      if (text === state.saved) return;
      await deps.store.write(entries);
      state.saved = text;
    },
    decisions: () => all,
  };
}
