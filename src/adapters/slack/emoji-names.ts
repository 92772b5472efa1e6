/**
 * Slack reaction names → Unicode emoji (pure). Slack sends names without colons and with an
 * optional skin tone (`+1::skin-tone-3`); a name we do not know comes back as `:name:`, which no
 * label rule matches.
 */
const SLACK_EMOJI: Readonly<Record<string, string>> = {
  '+1': '👍',
  thumbsup: '👍',
  '-1': '👎',
  thumbsdown: '👎',
  heart: '❤️',
  heart_eyes: '😍',
  fire: '🔥',
  tada: '🎉',
  '100': '💯',
  broken_heart: '💔',
  confused: '😕',
  yawning_face: '🥱',
  eyes: '👀',
  star: '⭐',
  rocket: '🚀',
  clap: '👏',
  thinking_face: '🤔',
  white_check_mark: '✅',
  x: '❌',
};

export function slackEmoji(name: string): string {
  const base = name.replace(/::skin-tone-\d$/, '');
  return SLACK_EMOJI[base] ?? `:${base}:`;
}
