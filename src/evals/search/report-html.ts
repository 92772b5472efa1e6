/**
 * The search benchmark's HTML report: one self-contained page (chart.js inlined, works offline)
 * for one run or two: overall score, a bar per metric, a radar chart of the versions, the
 * per-category table, failed cases (expected vs returned), the comparison table with arrows,
 * latency p50/p95. Pure: it gets the runs' data and the chart library's source.
 */
import type { RunComparison } from './compare/compare-runs.ts';
import type { SearchCaseMetrics, SearchRunManifest } from './run-schemas.ts';

export interface ReportRun {
  manifest: SearchRunManifest;
  cases: { id: string; metrics: SearchCaseMetrics }[];
}

export interface SearchReportInput {
  runs: readonly ReportRun[];
  comparison?: RunComparison | undefined;
  chartJs: string;
  generatedAt: Date;
}

const METRICS = ['precision', 'recall', 'f1', 'ndcg5', 'rr', 'ap', 'speed'] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const f4 = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(4));
const label = (run: ReportRun) => `${run.manifest.options.version} (${run.manifest.runId.slice(0, 15)})`;

function summaryTable(runs: readonly ReportRun[]): string {
  const rows = runs.map((r) => {
    const m = r.manifest.metrics;
    return `<tr><td>${escapeHtml(label(r))}</td><td class="big">${(m.overall ?? 0).toFixed(1)}</td>${METRICS.map((k) => `<td>${f4(m.means?.[k])}</td>`).join('')}<td>${((m.passRate ?? 0) * 100).toFixed(1)} %</td><td>${(m.latencyP50 ?? 0).toFixed(1)}</td><td>${(m.latencyP95 ?? 0).toFixed(1)}</td></tr>`;
  });
  return `<table><tr><th>version</th><th>overall</th>${METRICS.map((k) => `<th>${k}</th>`).join('')}<th>pass</th><th>p50 ms</th><th>p95 ms</th></tr>${rows.join('')}</table>`;
}

function categoryTable(run: ReportRun): string {
  const byCategory = new Map<string, SearchCaseMetrics[]>();
  for (const c of run.cases)
    byCategory.set(c.metrics.category, [...(byCategory.get(c.metrics.category) ?? []), c.metrics]);
  const rows = [...byCategory]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, cases]) => {
      const mean = (f: (c: SearchCaseMetrics) => number) =>
        cases.reduce((s, c) => s + f(c), 0) / cases.length;
      return `<tr><td>${escapeHtml(category)}</td><td>${cases.length}</td><td>${(mean((c) => (c.passed ? 1 : 0)) * 100).toFixed(1)} %</td><td>${f4(mean((c) => c.f1))}</td><td>${f4(mean((c) => c.precision))}</td><td>${f4(mean((c) => c.recall))}</td></tr>`;
    });
  return `<table><tr><th>category</th><th>cases</th><th>pass rate</th><th>mean F1</th><th>P</th><th>R</th></tr>${rows.join('')}</table>`;
}

function failedCases(run: ReportRun): string {
  const failed = run.cases.filter((c) => !c.metrics.passed).slice(0, 100);
  if (failed.length === 0) return '<p>No case failed.</p>';
  const rows = failed.map(
    (c) =>
      `<tr><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.metrics.query)}</td><td>${escapeHtml(c.metrics.expected.join(', '))}</td><td>${escapeHtml(
        c.metrics.returned
          .slice(0, 5)
          .map((h) => h.id)
          .join(', '),
      )}</td><td>${escapeHtml(c.metrics.reason)}</td></tr>`,
  );
  return `<table class="cases"><tr><th>case</th><th>question</th><th>expected</th><th>returned (top 5)</th><th>why</th></tr>${rows.join('')}</table>`;
}

function comparisonTable(comparison: RunComparison | undefined): string {
  if (comparison === undefined) return '';
  const rows = comparison.metrics.map((m) => {
    const arrow =
      m.pHolm >= 0.05
        ? '<span class="flat">→</span>'
        : m.delta > 0
          ? '<span class="up">▲</span>'
          : '<span class="down">▼</span>';
    return `<tr><td>${m.metric}</td><td>${f4(m.meanA)}</td><td>${f4(m.meanB)}</td><td>${arrow} ${m.delta >= 0 ? '+' : ''}${m.delta.toFixed(4)}</td><td>[${f4(m.ci95[0])}, ${f4(m.ci95[1])}]</td><td>${m.pHolm.toFixed(4)}</td><td>${m.wins}/${m.ties}/${m.losses}</td></tr>`;
  });
  const regressions = comparison.regressions
    .slice(0, 20)
    .map((r) => `<li>${escapeHtml(r.caseId)}: F1 ${f4(r.f1A)} → ${f4(r.f1B)}</li>`);
  return `<h2>Comparison (${comparison.cases} shared cases; paired randomization test, 10,000 permutations, Holm)</h2>
<table><tr><th>metric</th><th>A</th><th>B</th><th>Δ</th><th>95 % CI</th><th>p (Holm)</th><th>W/T/L</th></tr>${rows.join('')}</table>
<h3>Largest regressions (F1 drop &gt; 0.05)</h3>${regressions.length === 0 ? '<p>None.</p>' : `<ul>${regressions.join('')}</ul>`}`;
}

const CHART_SCRIPT = `(function(){
var d=JSON.parse(document.getElementById('report-data').textContent);
Chart.defaults.animation=false;
var colors=['#2e6ec8','#d4493f','#2e9e57','#e08a1e'];
new Chart(document.getElementById('bars'),{type:'bar',data:{labels:d.metrics,datasets:d.runs.map(function(r,i){return {label:r.label,data:r.values,backgroundColor:colors[i%4]};})},
options:{responsive:true,maintainAspectRatio:false,scales:{y:{min:0,max:1}}}});
new Chart(document.getElementById('radar'),{type:'radar',data:{labels:d.metrics,datasets:d.runs.map(function(r,i){return {label:r.label,data:r.values,borderColor:colors[i%4],backgroundColor:'rgba(0,0,0,0.05)'};})},
options:{responsive:true,maintainAspectRatio:false,scales:{r:{min:0,max:1}}}});
document.body.setAttribute('data-charts','ready');
})();`;

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330}table{border-collapse:collapse;margin:8px 0}
td,th{border:1px solid #d5d9e0;padding:4px 8px;text-align:left}.big{font-size:20px;font-weight:600}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}.chart{position:relative;height:300px}.up{color:#2e9e57}.down{color:#d4493f}.flat{color:#888}
.cases td{max-width:320px;font-size:12px}`;

export function renderSearchReport(input: SearchReportInput): string {
  const data = {
    metrics: [...METRICS],
    runs: input.runs.map((r) => ({
      label: label(r),
      values: METRICS.map((k) => r.manifest.metrics.means?.[k] ?? 0),
    })),
  };
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const library = input.chartJs.replace(/<\/script/gi, '<\\/script');
  const last = input.runs.at(-1);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Search benchmark</title><style>${STYLE}</style></head><body>
<h1>Search benchmark: ${input.runs.map((r) => escapeHtml(r.manifest.options.version)).join(' vs ')}</h1>
<p>bank ${escapeHtml(last?.manifest.options.bankHash ?? '')} · k ${last?.manifest.options.k ?? ''} · generated ${escapeHtml(input.generatedAt.toISOString())}</p>
${summaryTable(input.runs)}
<div class="grid"><div><h2>Metrics</h2><div class="chart"><canvas id="bars"></canvas></div></div><div><h2>Versions</h2><div class="chart"><canvas id="radar"></canvas></div></div></div>
${comparisonTable(input.comparison)}
${last === undefined ? '' : `<h2>Per category (${escapeHtml(label(last))})</h2>${categoryTable(last)}<h2>Failed cases</h2>${failedCases(last)}`}
<script type="application/json" id="report-data">${json}</script>
<script>${library}</script>
<script>${CHART_SCRIPT}</script>
</body></html>`;
}
