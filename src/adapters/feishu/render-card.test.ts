import { describe, expect, it } from 'vitest';
import type { DigestItem } from '../../chat/chat-adapter.ts';
import { plainMessage } from '../../chat/message-format.ts';
import { feishuEmoji } from './emoji-types.ts';
import { classifyFeishuError, FeishuApiError } from './feishu-errors.ts';
import { POST_MAX_BYTES, renderDigestCard, renderPostElement, renderPosts } from './render-card.ts';

const item: DigestItem = {
  paperId: '2511.01234',
  title: 'T'.repeat(300),
  tldr: 'tl;dr',
  tags: [],
  score: 1,
  reason: 'top',
  reasonText: 'top score',
  links: { abs: 'https://a', pdf: 'https://p', code: 'https://c' },
};

describe('feishu cards and posts', () => {
  it('renders a card: clipped title, no tag line without tags, buttons only when asked', () => {
    const card = renderDigestCard(item, { feedbackButtons: false });
    expect(JSON.stringify(card)).not.toContain('radar_feedback');
    expect(card).toMatchObject({ header: { template: 'blue' } });
    const elements = Reflect.get(card, 'elements');
    expect(Array.isArray(elements) ? elements.map((e: { tag: string }) => e.tag) : []).toEqual([
      'div',
      'note',
      'action',
    ]);
    expect(JSON.stringify(card).includes('T'.repeat(200))).toBe(false);
    expect(JSON.stringify(renderDigestCard(item, { feedbackButtons: true }))).toContain('fb:+1:2511.01234');
  });

  it('renders inline kinds as post elements', () => {
    expect(renderPostElement({ kind: 'bold', text: 'b' })).toEqual({
      tag: 'text',
      text: 'b',
      style: ['bold'],
    });
    expect(renderPostElement({ kind: 'link', text: 'abs', url: 'https://a' })).toEqual({
      tag: 'a',
      text: 'abs',
      href: 'https://a',
    });
    expect(renderPostElement({ kind: 'code', text: 'x' })).toEqual({ tag: 'text', text: '`x`' });
  });

  it('splits long CJK text into posts under the byte limit, losing nothing', () => {
    const posts = renderPosts(plainMessage('研'.repeat(30_000), 'end'));
    expect(posts.length).toBeGreaterThanOrEqual(5);
    for (const post of posts)
      expect(Buffer.byteLength(JSON.stringify(post), 'utf8')).toBeLessThan(POST_MAX_BYTES + 200);
    const texts = posts.flatMap((p) => p.zh_cn.content.flat().map((e) => e.text)).join('');
    expect(texts).toBe(`${'研'.repeat(30_000)}end`);
  });
});

describe('feishu emoji types', () => {
  it("maps Feishu's emoji_type names (any case) to Unicode", () => {
    expect(
      ['THUMBSUP', 'ThumbsDown', 'HEART', 'Fire', 'PARTY', 'Hundred', 'HEARTBROKEN', 'FIRE'].map(feishuEmoji),
    ).toEqual(['👍', '👎', '❤️', '🔥', '🎉', '💯', '💔', '🔥']);
    expect(feishuEmoji('BEER')).toBe(':BEER:');
  });
});

describe('classifyFeishuError', () => {
  it('retries 429 with the reset header, 5xx and network failures, not 4xx', () => {
    const response = (status: number, headers: Record<string, string> = {}) => ({
      response: { status, headers, data: { code: 1 } },
    });
    expect(classifyFeishuError(response(429, { 'x-ogw-ratelimit-reset': '2' }))).toEqual({
      retry: true,
      retryAfterMs: 2000,
    });
    expect(classifyFeishuError(response(502))).toEqual({ retry: true });
    expect(classifyFeishuError(response(400))).toEqual({ retry: false });
    expect(classifyFeishuError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toEqual({
      retry: true,
    });
    expect(classifyFeishuError(Object.assign(new Error('bad'), { code: 'ERR_BAD_REQUEST' }))).toEqual({
      retry: false,
    });
    expect(classifyFeishuError(new FeishuApiError('x', 'limited', 200, 99991400))).toEqual({ retry: true });
  });
});
