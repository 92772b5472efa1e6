/** The value carried by the inline 👍/👎 buttons of a digest item: `fb:+1:<paperId>` (pure). */
export function feedbackValue(paperId: string, value: 1 | -1): string {
  return `fb:${value === 1 ? '+1' : '-1'}:${paperId}`;
}

/** `fb:+1:<paperId>` → the paper and the value, or undefined for anything else. */
export function parseFeedbackValue(value: string): { paperId: string; value: 1 | -1 } | undefined {
  const match = /^fb:([+-]1):(.+)$/.exec(value);
  if (!match?.[1] || !match[2]) return undefined;
  return { paperId: match[2], value: match[1] === '+1' ? 1 : -1 };
}
