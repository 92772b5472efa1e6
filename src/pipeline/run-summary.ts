/** The one-screen summary printed at the end of a run, and the `radar runs` listing (pure). */
import type { RunManifest } from '../store/runs-store.ts';

function seconds(ms: number | undefined): string {
  return ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`;
}

function count(manifest: RunManifest, step: string, key: string): number {
  return manifest.steps.find((s) => s.name === step)?.counts[key] ?? 0;
}

export function formatRunSummary(manifest: RunManifest): string[] {
  const failures = manifest.steps.flatMap((s) => s.errors.map((e) => `${s.name}: ${e}`));
  const lines = [
    `run ${manifest.runId}: ${manifest.status} in ${seconds(manifest.durationMs)}`,
    '',
    `  new papers   ${count(manifest, 'collect', 'new')}`,
    `  picks        ${count(manifest, 'rank', 'picks')}`,
    `  summaries    ${count(manifest, 'summarize', 'summarized')}`,
    `  pages        ${count(manifest, 'publish', 'published')}`,
    `  messages     ${count(manifest, 'notify', 'sent')}`,
    `  LLM cost     $${manifest.costUsd.toFixed(4)}`,
    `  failures     ${failures.length}`,
    '',
    ...manifest.steps.map((s) =>
      `  ${s.name.padEnd(10)} ${s.status.padEnd(8)} ${seconds(s.durationMs).padStart(8)}  ${s.note ?? ''}`.trimEnd(),
    ),
  ];
  if (failures.length > 0) lines.push('', 'failures:', ...failures.slice(0, 20).map((f) => `  ${f}`));
  if (failures.length > 20)
    lines.push(`  … and ${failures.length - 20} more (radar runs show ${manifest.runId})`);
  return lines;
}

/** One line per run; a run whose manifest cannot be read is listed with the reason. */
export function formatRunList(
  entries: ReadonlyArray<RunManifest | { runId: string; problem: string }>,
): string[] {
  if (entries.length === 0) return ['no runs yet'];
  return entries.map((m) => {
    if ('problem' in m) return `${m.runId}  corrupt: ${m.problem}`;
    const failed = m.steps.filter((s) => s.status === 'failed').map((s) => s.name);
    return `${m.runId}  ${m.kind.padEnd(9)} ${m.status.padEnd(9)} ${seconds(m.durationMs).padStart(8)}  $${m.costUsd.toFixed(4)}${
      failed.length > 0 ? `  failed: ${failed.join(', ')}` : ''
    }`;
  });
}
