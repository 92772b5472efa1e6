/**
 * The 👍/👎 buttons' callback_data in the shared `fb:+1:<paperId>` form, with Telegram's 64-byte
 * limit checked and the paper id validated on the way back (pure).
 */
import { parseArxivId } from '../../core/arxiv-id.ts';
import { feedbackValue, parseFeedbackValue } from '../shared/feedback-value.ts';

const MAX_CALLBACK_BYTES = 64;

export function feedbackData(paperId: string, value: 1 | -1): string {
  const data = feedbackValue(paperId, value);
  if (Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_BYTES) {
    throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes for ${paperId}`);
  }
  return data;
}

export function parseFeedbackData(data: string): { paperId: string; value: 1 | -1 } | undefined {
  const parsed = parseFeedbackValue(data);
  const id = parsed === undefined ? undefined : parseArxivId(parsed.paperId);
  return parsed && id ? { paperId: id.id, value: parsed.value } : undefined;
}
