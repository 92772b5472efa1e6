/**
 * A proxy user for the insights tests: labels planted by keyword rules over a paper's title and
 * abstract, so tests can check that the profile recovers what was planted.
 *
 * - 👍 "efficient-inference": speculative decoding, KV cache, quantization;
 * - 👍 "retrieval-augmented": retrieval-augmented generation / RAG;
 * - 👍 "robot-manipulation": robot manipulation, grasping, dexterous hands;
 * - 👎 "theory": theorem, "we prove", convergence rate, lower bound — when no 👍 rule matches.
 * A paper matching two 👍 rules is left unlabeled, so each liked paper has one planted interest.
 */
export const PLANTED_INTERESTS = {
  'efficient-inference': /speculative decoding|\bkv[- ]cache|quantiz/i,
  'retrieval-augmented': /retrieval[- ]augmented generation|\bRAG\b/,
  'robot-manipulation': /robot(?:ic)? manipulation|\bgrasp|dexterous/i,
} as const;

export type PlantedInterest = keyof typeof PLANTED_INTERESTS;

export const DISLIKE_RULE = /\btheorem\b|\bwe prove\b|convergence rate|lower bound/i;

export type ProxyLabel = { kind: 'like'; interest: PlantedInterest } | { kind: 'dislike' } | undefined;

export function proxyLabel(paper: { title: string; abstract: string }): ProxyLabel {
  const text = `${paper.title} ${paper.abstract}`;
  const matched = (Object.keys(PLANTED_INTERESTS) as PlantedInterest[]).filter((k) =>
    PLANTED_INTERESTS[k].test(text),
  );
  if (matched.length === 1 && matched[0]) return { kind: 'like', interest: matched[0] };
  if (matched.length === 0 && DISLIKE_RULE.test(text)) return { kind: 'dislike' };
  return undefined;
}
