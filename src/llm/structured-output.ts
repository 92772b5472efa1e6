/**
 * How a structured answer is asked for and checked, by the model's declared capability (pure):
 * a json_schema response format where supported, else JSON mode or plain text with the JSON
 * schema in the system message; the answer is extracted, repaired and validated with zod.
 */

import { zodResponseFormat } from 'openai/helpers/zod';
import type { ResponseFormatJSONObject, ResponseFormatJSONSchema } from 'openai/resources/shared';
import { z } from 'zod';
import type { LlmModelConfig } from '../config/schema.ts';
import { parseJsonLenient } from './json-repair.ts';
import type { ChatMessage } from './llm-types.ts';

export type OutputStrategy = 'json_schema' | 'json_object' | 'text';

export type ResponseFormat = ResponseFormatJSONSchema | ResponseFormatJSONObject;

export interface StructuredCall {
  strategy: OutputStrategy;
  messages: ChatMessage[];
  responseFormat: ResponseFormat | undefined;
  /** Why a json_schema model is asked through the instructions path instead. */
  fallbackReason?: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

export function chooseStrategy(model: Pick<LlmModelConfig, 'structuredOutput' | 'jsonMode'>): OutputStrategy {
  if (model.structuredOutput) return 'json_schema';
  return model.jsonMode ? 'json_object' : 'text';
}

export function schemaInstructions(schema: z.ZodType, schemaName: string): string {
  const jsonSchema = JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }));
  return [
    `Answer with one JSON value named "${schemaName}" and nothing else: no prose, no markdown fence.`,
    `It must match this JSON Schema:\n${jsonSchema}`,
  ].join('\n');
}

function withInstructions(messages: readonly ChatMessage[], instructions: string): ChatMessage[] {
  const [first, ...rest] = messages;
  if (first?.role === 'system')
    return [{ role: 'system', content: `${first.content}\n\n${instructions}` }, ...rest];
  return [{ role: 'system', content: instructions }, ...messages];
}

/**
 * The request for one structured call. A schema that the strict json_schema format cannot express
 * (zodResponseFormat throws) falls back to the instructions path, as for a model without it.
 */
export function buildStructuredCall(
  model: Pick<LlmModelConfig, 'structuredOutput' | 'jsonMode'>,
  schema: z.ZodType,
  schemaName: string,
  messages: readonly ChatMessage[],
): StructuredCall {
  const strategy = chooseStrategy(model);
  if (strategy === 'json_schema') {
    try {
      const format = zodResponseFormat(schema, schemaName);
      const responseFormat: ResponseFormatJSONSchema = {
        type: 'json_schema',
        json_schema: format.json_schema,
      };
      return { strategy, messages: [...messages], responseFormat };
    } catch (error) {
      const fallback = { structuredOutput: false, jsonMode: model.jsonMode };
      const call = buildStructuredCall(fallback, schema, schemaName, messages);
      return { ...call, fallbackReason: error instanceof Error ? error.message : String(error) };
    }
  }
  return {
    strategy,
    messages: withInstructions(messages, schemaInstructions(schema, schemaName)),
    responseFormat: strategy === 'json_object' ? { type: 'json_object' } : undefined,
  };
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return `${path || '(root)'}: ${issue.message}`;
}

/** The answer's JSON (extracted and repaired when needed), validated against the schema. */
export function validateAnswer<T>(content: string, schema: z.ZodType<T>): Validation<T> {
  const json = parseJsonLenient(content);
  if (!json.ok) return { ok: false, errors: [json.error] };
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: parsed.error.issues.slice(0, 20).map(formatIssue) };
}

/** The conversation for the one retry: the invalid answer and what was wrong with it. */
export function retryMessages(
  messages: readonly ChatMessage[],
  answer: string,
  errors: readonly string[],
): ChatMessage[] {
  const feedback = [
    'Your answer did not match the required JSON schema:',
    ...errors.map((e) => `- ${e}`),
    'Answer again with the corrected JSON only.',
  ].join('\n');
  return [...messages, { role: 'assistant', content: answer }, { role: 'user', content: feedback }];
}
