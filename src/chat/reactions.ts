/**
 * Emoji → label value. Telegram sends some emoji without the variation selector (❤ for ❤️), so
 * both sides are compared with U+FE0F removed.
 */
export interface ReactionConfig {
  positive: readonly string[];
  negative: readonly string[];
}

function normalize(emoji: string): string {
  return emoji.replace(/\uFE0F/g, '').trim();
}

/** +1, −1, or undefined for an emoji that carries no preference. */
export function reactionValue(emoji: string, config: ReactionConfig): 1 | -1 | undefined {
  const key = normalize(emoji);
  if (config.positive.some((e) => normalize(e) === key)) return 1;
  if (config.negative.some((e) => normalize(e) === key)) return -1;
  return undefined;
}
