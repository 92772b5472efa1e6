/**
 * Feishu reaction `emoji_type` → Unicode emoji (pure). The names are Feishu's own, with its mixed
 * case (THUMBSUP, ThumbsDown, Fire, Hundred, HEARTBROKEN…; see the "表情文案说明" list of the
 * message-reaction API); lookups ignore case. Unknown types come back as `:TYPE:`, which no
 * label rule matches. Feishu has no "confused" face, so 😕 cannot be sent from Feishu.
 */
const FEISHU_EMOJI: Readonly<Record<string, string>> = {
  THUMBSUP: '👍',
  THUMBSDOWN: '👎',
  MINUSONE: '👎',
  HEART: '❤️',
  FINGERHEART: '🫰',
  LOVE: '😍',
  FIRE: '🔥',
  PARTY: '🎉',
  HUNDRED: '💯',
  HEARTBROKEN: '💔',
  OK: '👌',
  CLAP: '👏',
  APPLAUSE: '👏',
  THINKING: '🤔',
  SMILE: '😊',
  LAUGH: '😄',
  FROWN: '☹️',
  CHECKMARK: '✅',
  CROSSMARK: '❌',
  TROPHY: '🏆',
};

export function feishuEmoji(emojiType: string): string {
  return FEISHU_EMOJI[emojiType.toUpperCase()] ?? `:${emojiType}:`;
}
