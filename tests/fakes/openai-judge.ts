/**
 * A scripted judge for the OpenAI fake (`fake.onChat(judgeResponder(...))`): generation requests
 * (json_schema `paper_summary`) get a summary that names the model that wrote it; judge requests
 * get a verdict chosen by the script, which can see which slot holds which model's summary, so
 * a judge can be made position-biased, consistent, or unable to answer.
 */
import type { ChatReply, ChatRequest, ChatResponder } from './openai-fake.ts';

export type JudgeAxis = 'faithfulness' | 'coverage' | 'usefulness';

export interface JudgeView {
  axis: JudgeAxis;
  title: string;
  /** The model whose summary is shown first (slot A) and second (slot B). */
  first: string;
  second: string;
  /** 1 for the first attempt, 2 for the retry after a reminder. */
  attempt: number;
}

/** A verdict line to answer, or any other text (no verdict). */
export type JudgeScript = (view: JudgeView) => string;

export interface JudgeResponderOptions {
  judge: JudgeScript;
  /** Latency of each answer (ms); none by default. */
  latencyMs?: (request: ChatRequest) => number;
  /** Words of padding per model, to make outputs differ in length. */
  padding?: Record<string, number>;
}

function text(message: ChatRequest['messages'][number] | undefined): string {
  const content = message?.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => p.text ?? '').join('');
  return '';
}

const slot = (user: string, name: 'A' | 'B'): string =>
  new RegExp(`\\[Summary ${name}\\]\\n([\\s\\S]*?)\\n\\[End of summary ${name}\\]`).exec(user)?.[1] ?? '';

const writer = (summary: string): string => /written by (\S+) ::/.exec(summary)?.[1] ?? 'unknown';

export function isGenerationRequest(request: ChatRequest): boolean {
  const format = request.response_format;
  return format?.type === 'json_schema'
    ? format.json_schema.name === 'paper_summary'
    : format?.type === 'json_object';
}

function summaryReply(request: ChatRequest, padding: Record<string, number>): ChatReply {
  const user = text(request.messages.find((m) => m.role === 'user'));
  const title = /Title: (.*)/.exec(user)?.[1] ?? 'a paper';
  const extra = ' detail'.repeat(padding[request.model] ?? 0);
  return {
    json: {
      one_sentence_summary: `${title}, written by ${request.model} ::${extra}`,
      problem_background: 'The problem.',
      method: 'The method.',
      experiment: 'Accuracy rises from 71.2% to 78.9%.',
      key_contributions: ['a contribution'],
      datasets_and_benchmarks: ['MMLU'],
      limitations: ['small scale'],
      further_thoughts: 'More data.',
      institutions: [],
      code_and_data_links: [],
      tags: ['evaluation', 'summaries', 'llm'],
      slug: 'a-paper',
    },
  };
}

export function judgeViewOf(request: ChatRequest): JudgeView {
  const system = text(request.messages.find((m) => m.role === 'system'));
  const axisWord = /ONE axis only: (\w+)/.exec(system)?.[1] ?? 'faithfulness';
  const axis: JudgeAxis = axisWord === 'coverage' || axisWord === 'usefulness' ? axisWord : 'faithfulness';
  const user = text(request.messages.find((m) => m.role === 'user'));
  return {
    axis,
    title: /Paper title: (.*)/.exec(user)?.[1] ?? '',
    first: writer(slot(user, 'A')),
    second: writer(slot(user, 'B')),
    attempt: request.messages.filter((m) => m.role === 'assistant').length + 1,
  };
}

export function judgeResponder(options: JudgeResponderOptions): ChatResponder {
  return (request) => {
    const latencyMs = options.latencyMs?.(request) ?? 0;
    if (isGenerationRequest(request)) return { ...summaryReply(request, options.padding ?? {}), latencyMs };
    return { content: `Reasoning about both summaries.\n${options.judge(judgeViewOf(request))}`, latencyMs };
  };
}

/** Always picks the summary shown first. */
export const firstSlotJudge: JudgeScript = () => '[[A]]';

/** Prefers `model` on every axis (or per axis, `axes[axis]` → the preferred model, `tie` for a tie), wherever it is shown. */
export function consistentJudge(prefer: Record<JudgeAxis, string>): JudgeScript {
  return (view) => {
    const wanted = prefer[view.axis];
    if (wanted === 'tie') return '[[C]]';
    if (view.first === wanted) return '[[A]]';
    if (view.second === wanted) return '[[B]]';
    return '[[C]]';
  };
}
