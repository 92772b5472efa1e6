/**
 * Pure parsing of a chat text into a command: `/search llm agents` → {command: 'search', args:
 * 'llm agents'}. A `/radar` prefix is dropped (`/radar search x` and `/search x` are the same), as
 * is a `@botname` suffix on the command word — when `botName` is given, a command addressed to
 * another bot (`/start@OtherBot` in a group) is no command for us.
 */
export interface CommandText {
  /** Lowercase, without the slash. */
  command: string;
  args: string;
}

export function parseCommandText(
  text: string,
  options: { requireSlash: boolean; botName?: string | undefined },
): CommandText | undefined {
  let rest = text.trim();
  const slashed = rest.startsWith('/');
  if (!slashed && options.requireSlash) return undefined;
  if (slashed) rest = rest.slice(1);
  let match = /^(\S+)\s*([\s\S]*)$/.exec(rest);
  if (match?.[1]?.toLowerCase() === 'radar') {
    match = /^(\S+)\s*([\s\S]*)$/.exec(match[2] ?? '');
    if (!match) return { command: 'help', args: '' };
  }
  const mention = /@(\S*)$/.exec(match?.[1] ?? '')?.[1];
  if (mention !== undefined && options.botName && mention.toLowerCase() !== options.botName.toLowerCase()) {
    return undefined;
  }
  const word = match?.[1]?.replace(/^\//, '').replace(/@\S*$/, '').toLowerCase();
  if (!word) return undefined;
  return { command: word, args: (match?.[2] ?? '').trim() };
}
