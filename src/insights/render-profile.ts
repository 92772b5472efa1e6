/** The interest profile as markdown (the Notion page, the local file) and as a few short lines (chat). Pure. */
import type { StoredProfile } from '../store/insights-store.ts';

const pct = (share: number): string => `${Math.round(share * 100)}%`;

function interestSection(interest: StoredProfile['interests'][number]): string[] {
  const lines = [`### ${interest.name}`, ''];
  if (interest.description !== '') lines.push(interest.description, '');
  if (interest.spans && interest.spans.length === 2)
    lines.push(
      `Cross-cutting: it joins two groups of papers, on ${interest.spans[0]} and on ${interest.spans[1]}.`,
      '',
    );
  const meta = [`${interest.size} liked papers`, `${interest.recentLikes} in the last 30 days`];
  if (interest.tags.length > 0) meta.push(`tags: ${interest.tags.join(', ')}`);
  lines.push(`_${meta.join(' · ')}_`, '', `Terms: ${interest.terms.join(', ') || '—'}`, '', 'Evidence:');
  for (const paper of interest.evidence) lines.push(`- ${paper.title} (arXiv ${paper.id})`);
  lines.push('');
  return lines;
}

function crossCuttingSection(profile: StoredProfile): string[] {
  const { signal, keys } = profile.crossCutting;
  if (keys.length === 0) return [];
  const against = signal === 'classifier' ? "the classifier's score" : 'your 👍/👎 labels';
  const lines = ['## Cross-cutting interests', '', `Tags (#) and terms most correlated with ${against}:`, ''];
  for (const k of keys) {
    lines.push(
      `- ${k.key} — r = ${k.correlation.toFixed(2)}, ${k.support} papers, spans ${k.clusters} interest(s)`,
    );
  }
  return [...lines, ''];
}

function avoidsSection(profile: StoredProfile): string[] {
  if (profile.avoids.length === 0) return [];
  const lines = ['## What you avoid', ''];
  for (const a of profile.avoids) {
    const example = a.evidence[0] ? ` — e.g. ${a.evidence[0].title}` : '';
    lines.push(`- ${a.name} (${a.size} disliked)${example}`);
  }
  return [...lines, ''];
}

function driftSection(profile: StoredProfile): string[] {
  const { drift } = profile;
  const lines = ['## Drift', ''];
  if (drift.rising.length === 0 && drift.falling.length === 0) {
    lines.push(
      `Not enough likes on both sides of ${drift.since} to compare (${drift.recentLikes} since, ${drift.earlierLikes} before).`,
    );
    return [...lines, ''];
  }
  lines.push(`Likes since ${drift.since}: ${drift.recentLikes}; before: ${drift.earlierLikes}.`, '');
  const shift = (s: (typeof drift.rising)[number]) =>
    `${s.key} (${pct(s.earlierShare)} → ${pct(s.recentShare)})`;
  if (drift.rising.length > 0) lines.push(`Rising: ${drift.rising.map(shift).join(', ')}`, '');
  if (drift.falling.length > 0) lines.push(`Fading: ${drift.falling.map(shift).join(', ')}`, '');
  return lines;
}

export function renderProfileMarkdown(profile: StoredProfile): string {
  const named =
    profile.naming.by === 'llm' ? `named by ${profile.naming.model ?? 'the LLM'}` : 'named by their terms';
  const lines = [
    `# Interest profile — ${profile.date}`,
    '',
    `From ${profile.labels.liked} liked and ${profile.labels.disliked} disliked papers (embedding model ${profile.model}; ${profile.interests.length} interests, ${named}).`,
    '',
    '## Interests',
    '',
    ...profile.interests.flatMap(interestSection),
    ...crossCuttingSection(profile),
    ...avoidsSection(profile),
    ...driftSection(profile),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A few lines for chat: the interests by name with their size, then what is rising. */
export function profileShortLines(profile: StoredProfile): string[] {
  const lines = profile.interests.map((i) => `• ${i.name} (${i.size})`);
  const cross = profile.crossCutting.keys.slice(0, 5).map((k) => k.key);
  if (cross.length > 0) lines.push(`Across them: ${cross.join(', ')}`);
  const rising = profile.drift.rising.slice(0, 3).map((s) => s.key);
  if (rising.length > 0) lines.push(`Rising lately: ${rising.join(', ')}`);
  const avoids = profile.avoids.slice(0, 2).map((a) => a.name);
  if (avoids.length > 0) lines.push(`You avoid: ${avoids.join('; ')}`);
  return lines;
}
