/**
 * One judge round of a case: per axis one call (temperature 0) with the two outputs in the
 * round's order, the verdict parsed strictly; no verdict → asked once more with a reminder,
 * then `error`. A failed call (API, network, budget) fails the round: the case fails rather
 * than counting a verdict nobody gave.
 */

import type { PromptTemplate } from '../../digest/prompt-template.ts';
import type { LlmClient } from '../../llm/llm-client.ts';
import type { ChatMessage } from '../../llm/llm-types.ts';
import { renderJudgePrompt } from './template-render.ts';
import { AXES, type Axis, parseVerdict, type SlotVerdict } from './verdict.ts';

const VERDICT_REMINDER =
  'Your answer has no verdict. Reply again and end with exactly one of [[A]], [[B]] or [[C]] (a tie) on its own line.';

export interface JudgeSpec {
  purpose: string;
  /** The judge template of each axis (prompts/judge-<axis>.md). */
  templates: Record<Axis, PromptTemplate>;
}

export interface JudgeAttempt {
  answer: string;
  verdict: SlotVerdict | null;
  model: string;
  inputTokens: number;
  outputTokens: number;
}

export interface AxisJudgment {
  verdict: SlotVerdict | 'error';
  prompt: string;
  attempts: JudgeAttempt[];
}

export type RoundOutcome =
  | { ok: true; axes: Record<Axis, AxisJudgment>; calls: number; costUsd: number; retries: number }
  | {
      ok: false;
      axis: Axis;
      kind: string;
      message: string;
      calls: number;
      costUsd: number;
      prompts: string[];
    };

export interface JudgeContext {
  llm: Pick<LlmClient, 'complete'>;
  runId: string;
}

type AxisCall =
  | { ok: true; judgment: AxisJudgment; calls: number; costUsd: number }
  | { ok: false; kind: string; message: string; calls: number; costUsd: number; prompt: string };

async function judgeAxis(
  ctx: JudgeContext,
  spec: JudgeSpec,
  axis: Axis,
  values: Readonly<Record<string, string>>,
): Promise<AxisCall> {
  const rendered = renderJudgePrompt(spec.templates[axis], values);
  const attempts: JudgeAttempt[] = [];
  let messages: ChatMessage[] = rendered.messages;
  let costUsd = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await ctx.llm.complete({
      purpose: spec.purpose,
      messages,
      temperature: 0,
      runId: ctx.runId,
    });
    costUsd += result.costUsd;
    if (!result.ok)
      return {
        ok: false,
        kind: result.error.kind,
        message: result.error.message,
        calls: attempt + 1,
        costUsd,
        prompt: rendered.text,
      };
    const verdict = parseVerdict(result.value);
    attempts.push({ answer: result.value, verdict: verdict ?? null, model: result.model, ...result.usage });
    if (verdict !== undefined)
      return {
        ok: true,
        judgment: { verdict, prompt: rendered.text, attempts },
        calls: attempt + 1,
        costUsd,
      };
    messages = [
      ...rendered.messages,
      { role: 'assistant', content: result.value },
      { role: 'user', content: VERDICT_REMINDER },
    ];
  }
  return { ok: true, judgment: { verdict: 'error', prompt: rendered.text, attempts }, calls: 2, costUsd };
}

/** `values` carries summary_a (the first slot) and summary_b (the second) for this round. */
export async function judgeRound(
  ctx: JudgeContext,
  spec: JudgeSpec,
  values: Readonly<Record<string, string>>,
): Promise<RoundOutcome> {
  const calls = await Promise.all(AXES.map((axis) => judgeAxis(ctx, spec, axis, values)));
  const total = calls.reduce((s, c) => s + c.calls, 0);
  const costUsd = calls.reduce((s, c) => s + c.costUsd, 0);
  const failedAt = calls.findIndex((c) => !c.ok);
  const failed = calls[failedAt];
  if (failed && !failed.ok)
    return {
      ok: false,
      axis: AXES[failedAt] ?? 'faithfulness',
      kind: failed.kind,
      message: failed.message,
      calls: total,
      costUsd,
      prompts: calls.map((c) => (c.ok ? c.judgment.prompt : c.prompt)),
    };
  const [faithfulness, coverage, usefulness] = calls.map((c) => (c.ok ? c.judgment : undefined));
  if (!faithfulness || !coverage || !usefulness) throw new Error('unreachable: every axis call succeeded');
  const retries = [faithfulness, coverage, usefulness].filter((j) => j.attempts.length > 1).length;
  return { ok: true, axes: { faithfulness, coverage, usefulness }, calls: total, costUsd, retries };
}

/** The three axis prompts of a round as one text (io/prompt_pairwise_round<n>.txt), in axis order. */
export function roundPromptText(prompts: readonly string[]): string {
  return AXES.map((axis, i) => `==== axis: ${axis} ====\n${prompts[i] ?? ''}`).join('\n\n');
}
