import { Markup, Telegraf, TelegramError } from 'telegraf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callbackQueryUpdate, commandUpdate, reactionUpdate, telegramPeople } from './telegram/updates.ts';
import { startTelegramFake, type TelegramFake } from './telegram-fake.ts';

const TOKEN = '2084591315:AAE_fake-token-for-tests';
const CHAT = telegramPeople.privateChat.id;

let fake: TelegramFake;
let bot: Telegraf;

beforeEach(async () => {
  fake = await startTelegramFake({ token: TOKEN, maxHoldMs: 500 });
  bot = new Telegraf(TOKEN, { telegram: { apiRoot: fake.url } });
});

afterEach(async () => {
  await fake.close();
});

async function rejection(promise: Promise<unknown>): Promise<TelegramError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TelegramError)) throw new Error(`expected a TelegramError, got ${String(error)}`);
  return error;
}

describe('telegram fake with the real telegraf client', () => {
  it('records a message sent with bot.telegram.sendMessage and answers with the Message shape', async () => {
    const keyboard = Markup.inlineKeyboard([Markup.button.callback('Save', 'save:2401.00001')]);
    const message = await bot.telegram.sendMessage(CHAT, 'Found 3 papers. Save to Notion?', keyboard);

    expect(message).toMatchObject({
      chat: { id: CHAT, type: 'private' },
      text: 'Found 3 papers. Save to Notion?',
    });
    expect(fake.sentMessages()).toEqual([
      expect.objectContaining({
        chat_id: CHAT,
        message_id: message.message_id,
        text: 'Found 3 papers. Save to Notion?',
        reply_markup: {
          inline_keyboard: [[{ text: 'Save', callback_data: 'save:2401.00001', hide: false }]],
        },
      }),
    ]);
    expect(fake.calls('sendMessage')[0]?.headers['content-type']).toBe('application/json');
  });

  it('delivers a pushed command and a message_reaction to a launched bot through long polling', async () => {
    const seen: string[] = [];
    bot.command('search', async (ctx) => {
      seen.push(`search:${ctx.payload}`);
      await ctx.reply(`Searching for ${ctx.payload}`);
    });
    bot.on('message_reaction', (ctx) => {
      seen.push(
        `reaction:${[...ctx.reactions.added].map((r) => (r.type === 'emoji' ? r.emoji : '?')).join()}`,
      );
    });

    const launched = bot.launch({ allowedUpdates: ['message', 'message_reaction', 'callback_query'] });
    fake.pushUpdate(commandUpdate({ text: '/search llm agent benchmarks' }));
    fake.pushUpdate(reactionUpdate({ messageId: 11, emoji: ['🔥'], previous: ['👍'] }));
    await vi.waitFor(() => expect(seen).toHaveLength(2), { timeout: 3000 });
    bot.stop('test done');
    await launched;

    expect(seen).toEqual(['search:llm agent benchmarks', 'reaction:🔥']);
    expect(fake.callParams('getUpdates')[0]?.allowed_updates).toContain('message_reaction');
    expect(fake.sentMessages().map((m) => m.text)).toEqual(['Searching for llm agent benchmarks']);
    expect(fake.pendingUpdates()).toEqual([]);
    expect(fake.calls('deleteWebhook')).toHaveLength(1);
  });

  it('drops message_reaction updates when the bot launches without asking for them', async () => {
    const reactions: number[] = [];
    bot.on('message_reaction', (ctx) => {
      reactions.push(ctx.messageReaction.message_id);
    });
    bot.on('message', () => {
      reactions.push(-1);
    });
    const launched = bot.launch();
    fake.pushUpdate(reactionUpdate({ messageId: 11, emoji: ['👍'] }));
    fake.pushUpdate(commandUpdate({ text: 'hello' }));
    await vi.waitFor(() => expect(reactions).toEqual([-1]), { timeout: 3000 });
    bot.stop();
    await launched;
    expect(fake.allowedUpdates()).toEqual([]);
  });

  it('answers a callback query and edits the keyboard message it came from', async () => {
    const sent = await bot.telegram.sendMessage(
      CHAT,
      'Save to Notion?',
      Markup.inlineKeyboard([Markup.button.callback('Save', 'save:1')]),
    );
    bot.action(/^save:(.+)$/, async (ctx) => {
      await ctx.answerCbQuery('Saved');
      await ctx.editMessageText('Saved to Notion');
    });
    const launched = bot.launch({ allowedUpdates: ['callback_query'] });
    fake.pushUpdate(callbackQueryUpdate({ data: 'save:1', messageId: sent.message_id }));
    await vi.waitFor(() => expect(fake.callbackAnswers()).toHaveLength(1), { timeout: 3000 });
    await vi.waitFor(() => expect(fake.sentMessages()[0]?.text).toBe('Saved to Notion'));
    bot.stop();
    await launched;
    expect(fake.callbackAnswers()).toEqual([{ callback_query_id: '6999130543289047583', text: 'Saved' }]);
  });

  it('surfaces a 429 as TelegramError with parameters.retry_after and does not retry by itself', async () => {
    fake.rateLimit('sendMessage', 3);
    const error = await rejection(bot.telegram.sendMessage(CHAT, 'hi'));
    expect(error.code).toBe(429);
    expect(error.parameters?.retry_after).toBe(3);
    expect(error.description).toBe('Too Many Requests: retry after 3');
    expect(fake.calls('sendMessage')).toHaveLength(1);
    await expect(bot.telegram.sendMessage(CHAT, 'hi')).resolves.toMatchObject({ text: 'hi' });
  });

  it('rejects text over 4096 characters but accepts exactly 4096', async () => {
    const error = await rejection(bot.telegram.sendMessage(CHAT, 'x'.repeat(4097)));
    expect(error.code).toBe(400);
    expect(error.description).toBe('Bad Request: message is too long');
    await expect(bot.telegram.sendMessage(CHAT, 'x'.repeat(4096))).resolves.toBeDefined();
    expect(fake.sentMessages()).toHaveLength(1);
  });

  it('rejects HTML and MarkdownV2 that Telegram cannot parse, with its error texts', async () => {
    const html = await rejection(bot.telegram.sendMessage(CHAT, '<b>bold', { parse_mode: 'HTML' }));
    expect(html.description).toBe(
      'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    );
    const tag = await rejection(bot.telegram.sendMessage(CHAT, 'a <br> b', { parse_mode: 'HTML' }));
    expect(tag.description).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 2',
    );
    const md = await rejection(bot.telegram.sendMessage(CHAT, 'score 1.5', { parse_mode: 'MarkdownV2' }));
    expect(md.description).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    await bot.telegram.sendMessage(CHAT, '*score* 1\\.5 \\(est\\)', { parse_mode: 'MarkdownV2' });
    expect(fake.sentMessages()[0]?.plain_text).toBe('score 1.5 (est)');
    await bot.telegram.sendMessage(CHAT, '<b>score</b> 1 &lt; 2', { parse_mode: 'HTML' });
    expect(fake.sentMessages()[1]?.plain_text).toBe('score 1 < 2');
  });

  it('validates reactions and commands the way the Bot API does', async () => {
    await bot.telegram.setMessageReaction(CHAT, 11, [{ type: 'emoji', emoji: '👍' }]);
    expect(fake.reactions()).toEqual([
      { chat_id: CHAT, message_id: 11, reaction: [{ type: 'emoji', emoji: '👍' }] },
    ]);
    // telegraf's types only allow valid emoji, so the invalid one goes over plain HTTP.
    const response = await fetch(`${fake.url}/bot${TOKEN}/setMessageReaction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: CHAT, message_id: 11, reaction: [{ type: 'emoji', emoji: '✅' }] }),
    });
    expect(response.status).toBe(400);
    const invalid: unknown = await response.json();
    expect(invalid).toEqual({ ok: false, error_code: 400, description: 'Bad Request: REACTION_INVALID' });

    await bot.telegram.setMyCommands([{ command: 'search', description: 'Search papers' }]);
    expect(fake.commands()).toEqual([{ command: 'search', description: 'Search papers' }]);
    const badCommand = await rejection(
      bot.telegram.setMyCommands([{ command: 'Search!', description: 'x' }]),
    );
    expect(badCommand.description).toBe('Bad Request: BOT_COMMAND_INVALID');
  });

  it('refuses getUpdates with 409 while a webhook is set', async () => {
    await bot.telegram.setWebhook('https://example.com/telegram');
    const conflict = await rejection(bot.telegram.callApi('getUpdates', {}));
    expect(conflict.code).toBe(409);
    await bot.telegram.deleteWebhook();
    await expect(bot.telegram.callApi('getUpdates', {})).resolves.toEqual([]);
  });
});
