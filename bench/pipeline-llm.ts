/**
 * The pipeline bench's LLM calls: the OpenAI fake answers each with a drawn latency and records
 * it, so the summarize step can be set against the floor those latencies allow.
 */
import { isSummaryRequest, summaryReply } from '../tests/digest/setup.ts';
import type { FakePaper } from '../tests/fakes/arxiv-fake.ts';
import type { ChatRequest, OpenAIFake } from '../tests/fakes/openai-fake.ts';

export interface LlmCall {
  kind: 'summary' | 'related' | 'other';
  /** The paper the call is about (summary and related calls). */
  paper: string | undefined;
  latencyMs: number;
  startedAt: number;
}

export interface LlmFloor {
  /** Every call's latency, added up. */
  totalMs: number;
  /** `totalMs` spread over the provider's slots: no schedule does the calls in less. */
  throughputMs: number;
  /** The longest paper's summary + its related call: they run one after the other. */
  chainMs: number;
  floorMs: number;
  /** From the first call's start to the last call's answer, as it ran. */
  spanMs: number;
}

function userText(request: ChatRequest): string {
  const content = request.messages.findLast((m) => m.role === 'user')?.content;
  return typeof content === 'string' ? content : '';
}

function schemaName(request: ChatRequest): string | undefined {
  const format = request.response_format;
  return format?.type === 'json_schema' ? format.json_schema.name : undefined;
}

/** Answers like the pipeline fakes (a valid summary, the default reply otherwise), after `latency()` ms. */
export function recordLlmCalls(
  openai: OpenAIFake,
  papers: readonly FakePaper[],
  latency: () => number,
): LlmCall[] {
  const idOfTitle = new Map(papers.map((p) => [p.title, p.id]));
  const calls: LlmCall[] = [];
  openai.onChat((request) => {
    const latencyMs = latency();
    const text = userText(request);
    if (isSummaryRequest(request)) {
      const title = /^Title: (.*)$/m.exec(text)?.[1] ?? '';
      calls.push({ kind: 'summary', paper: idOfTitle.get(title), latencyMs, startedAt: Date.now() });
      return { ...summaryReply(request, ['language models', 'evaluation', 'benchmarks']), latencyMs };
    }
    const related = schemaName(request) === 'paper_relations';
    const paper = related ? /Paper (\S+):/.exec(text)?.[1] : undefined;
    calls.push({ kind: related ? 'related' : 'other', paper, latencyMs, startedAt: Date.now() });
    return { latencyMs };
  });
  return calls;
}

/** The LLM latency floor of `calls` with `limit` calls in flight at once. */
export function llmFloor(calls: readonly LlmCall[], limit: number): LlmFloor {
  const totalMs = calls.reduce((sum, c) => sum + c.latencyMs, 0);
  const chains = new Map<string, number>();
  for (const call of calls)
    if (call.paper !== undefined && call.kind !== 'other')
      chains.set(call.paper, (chains.get(call.paper) ?? 0) + call.latencyMs);
  const chainMs = Math.max(0, ...chains.values());
  const throughputMs = totalMs / limit;
  const starts = calls.map((c) => c.startedAt);
  const ends = calls.map((c) => c.startedAt + c.latencyMs);
  const spanMs = calls.length === 0 ? 0 : Math.max(...ends) - Math.min(...starts);
  return { totalMs, throughputMs, chainMs, floorMs: Math.max(throughputMs, chainMs), spanMs };
}
