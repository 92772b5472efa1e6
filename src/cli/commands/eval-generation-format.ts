/** The lines `radar eval generation compare` and `runs` print about a run. */
import type { GenerationRunManifest } from '../../evals/generation/run-schemas.ts';
import type { OutcomeStats } from '../../evals/generation/statistics.ts';
import { AXES } from '../../evals/generation/verdict.ts';

const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

function outcomeLine(label: string, s: OutcomeStats): string {
  const ci = s.ci95 ? ` [${pct(s.ci95[0])}, ${pct(s.ci95[1])}]` : '';
  return `${label.padEnd(13)} W/T/L ${s.wins}/${s.ties}/${s.losses}  win rate ${pct(s.winRate)}${ci}  sign test p=${s.signTestP.toPrecision(3)}`;
}

export function formatRun(m: GenerationRunManifest): string[] {
  const o = m.options;
  const lines = [
    `run ${m.runId}: ${m.status}  (${o.pairCandidateAID} vs ${o.pairCandidateBID}, judge ${o.pairJudgeModel})`,
    `cases ${m.counts.total}: ${m.counts.finished} judged or excluded, ${m.counts.failed} failed, ${m.counts.excluded} excluded`,
  ];
  const s = m.metrics.pairwiseSummary;
  if (s) {
    lines.push(outcomeLine('overall', s.overall));
    for (const axis of AXES) lines.push(outcomeLine(axis, s.axes[axis]));
    lines.push(
      `position consistency ${pct(s.positionConsistency)}  first-slot preference ${pct(s.firstSlotPreference)}  tie rate ${pct(s.tieRate)}  error rate ${pct(s.errorRate)}  length ratio A/B ${s.meanLengthRatio === null ? 'n/a' : s.meanLengthRatio.toFixed(2)}`,
    );
  }
  lines.push(
    `LLM calls ${m.metrics.llmCalls} (${m.metrics.cachedGenerations} outputs from cache), cost $${m.metrics.costUsd.toFixed(4)}, ${((m.durationMs ?? 0) / 1000).toFixed(1)} s`,
  );
  if (m.error) lines.push(`note: ${m.error}`);
  return lines;
}
