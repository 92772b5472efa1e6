/**
 * The HTML report of a generation run: one self-contained page (chart.js inlined, no network)
 * with the statistics, four charts (W/T/L per axis, win rate with its 95 % interval, position
 * bias, output length ratio per case) and the table of cases. Pure: the caller passes the
 * run's data and the chart library's source.
 */
import type { CaseIndexEntry } from '../run-layout/schemas.ts';
import type { GenerationCaseMetrics, GenerationRunManifest } from './run-schemas.ts';
import { AXES } from './verdict.ts';

export interface ReportCase {
  entry: CaseIndexEntry;
  metrics: GenerationCaseMetrics | undefined;
}

export interface ReportInput {
  manifest: GenerationRunManifest;
  cases: readonly ReportCase[];
  chartJs: string;
  generatedAt: Date;
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const pct = (x: number | null | undefined): string => (x == null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

function chartData(input: ReportInput) {
  const s = input.manifest.metrics.pairwiseSummary;
  const rows = s
    ? [{ label: 'overall', ...s.overall }, ...AXES.map((axis) => ({ label: axis, ...s.axes[axis] }))]
    : [];
  return {
    labels: rows.map((r) => r.label),
    wins: rows.map((r) => r.wins),
    ties: rows.map((r) => r.ties),
    losses: rows.map((r) => r.losses),
    winRate: rows.map((r) => r.winRate),
    ci: rows.map((r) => r.ci95),
    consistency: s ? AXES.map((axis) => s.axes[axis].positionConsistency) : [],
    axes: [...AXES],
    firstSlot: s?.firstSlotPreference ?? null,
    overallConsistency: s?.positionConsistency ?? null,
    ratios: input.cases.flatMap((c) =>
      c.metrics?.lengthRatio != null ? [[c.entry.case_id, c.metrics.lengthRatio]] : [],
    ),
    names: { a: input.manifest.options.pairCandidateAID, b: input.manifest.options.pairCandidateBID },
  };
}

function statsTable(m: GenerationRunManifest): string {
  const s = m.metrics.pairwiseSummary;
  if (!s) return '<p>No statistics: the run judged no case.</p>';
  const row = (label: string, o: (typeof s)['overall'], consistency?: number | null) =>
    `<tr><th>${escapeHtml(label)}</th><td>${o.wins}</td><td>${o.ties}</td><td>${o.losses}</td><td>${pct(o.winRate)}</td><td>${o.ci95 ? `${pct(o.ci95[0])} – ${pct(o.ci95[1])}` : 'n/a'}</td><td>${o.signTestP.toPrecision(3)}</td><td>${consistency === undefined ? pct(s.positionConsistency) : pct(consistency)}</td></tr>`;
  return `<table class="stats"><thead><tr><th></th><th>wins (A)</th><th>ties</th><th>losses</th><th>win rate</th><th>95 % CI</th><th>sign test p</th><th>position consistency</th></tr></thead><tbody>
${row('overall', s.overall)}
${AXES.map((axis) => row(axis, s.axes[axis], s.axes[axis].positionConsistency)).join('\n')}
</tbody></table>
<ul class="facts">
<li>cases judged: <b>${s.judged}</b> of ${s.cases} (errors ${s.errors}, error rate ${pct(s.errorRate)})</li>
<li>tie rate: <b>${pct(s.tieRate)}</b></li>
<li>first-slot preference: <b>${pct(s.firstSlotPreference)}</b> of decisive verdicts picked the summary shown first</li>
<li>mean output length ratio A/B: <b>${s.meanLengthRatio === null ? 'n/a' : s.meanLengthRatio.toFixed(2)}</b> (verbosity bias check)</li>
</ul>`;
}

function casesTable(cases: readonly ReportCase[]): string {
  const cell = (v: string | undefined) => `<td class="${escapeHtml(v ?? '')}">${escapeHtml(v ?? '–')}</td>`;
  const rows = cases.map(({ entry, metrics }) => {
    const d = metrics?.decision;
    return `<tr><td><code>${escapeHtml(entry.case_id)}</code></td><td>${escapeHtml(entry.status)}</td>${cell(d?.overall)}${AXES.map((axis) => cell(d?.axes[axis].winner)).join('')}<td>${metrics?.lengthA ?? ''}</td><td>${metrics?.lengthB ?? ''}</td><td><code>${escapeHtml(entry.dir)}</code></td></tr>`;
  });
  return `<table class="cases"><thead><tr><th>case</th><th>status</th><th>overall</th>${AXES.map((a) => `<th>${a}</th>`).join('')}<th>chars A</th><th>chars B</th><th>files</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

const STYLE = `body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:24px auto;max-width:1100px;color:#1d2330;padding:0 16px}
h1{font-size:22px;margin-bottom:4px}.sub{color:#5b6475;margin-top:0}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:20px}.card{border:1px solid #dde2ea;border-radius:8px;padding:12px}
.card h2{font-size:15px;margin:0 0 8px}canvas{width:100%!important;height:260px!important}
table{border-collapse:collapse;width:100%;font-size:13px;margin:12px 0}th,td{border-bottom:1px solid #e6e9ef;padding:4px 6px;text-align:left}
td.A{color:#1b7f3b;font-weight:600}td.B{color:#b3261e;font-weight:600}td.tie{color:#6b7280}td.error{color:#a15c00}
.facts li{margin:2px 0}code{font-size:12px}`;

const CHART_SCRIPT = `(function(){
var d=JSON.parse(document.getElementById('report-data').textContent);
var pctAxis={min:0,max:1,ticks:{callback:function(v){return Math.round(v*100)+'%';}}};
Chart.defaults.animation=false;
new Chart(document.getElementById('wtl'),{type:'bar',data:{labels:d.labels,datasets:[
{label:'A wins ('+d.names.a+')',data:d.wins,backgroundColor:'#2e9e57'},
{label:'ties',data:d.ties,backgroundColor:'#b8bfcc'},
{label:'B wins ('+d.names.b+')',data:d.losses,backgroundColor:'#d4493f'}]},
options:{indexAxis:'y',responsive:true,maintainAspectRatio:false,scales:{x:{stacked:true},y:{stacked:true}}}});
new Chart(document.getElementById('winrate'),{type:'bar',data:{labels:d.labels,datasets:[
{type:'bar',label:'95% bootstrap CI',data:d.ci.map(function(c){return c?[c[0],c[1]]:null;}),backgroundColor:'rgba(46,110,200,0.25)',borderColor:'#2e6ec8',borderWidth:1},
{type:'line',label:'win rate of A',data:d.winRate,showLine:false,clip:false,pointRadius:6,pointBackgroundColor:'#1d2330'}]},
options:{responsive:true,maintainAspectRatio:false,scales:{y:pctAxis}}});
new Chart(document.getElementById('position'),{type:'bar',data:{labels:d.axes.concat(['all axes','first-slot preference']),datasets:[
{label:'share',data:d.consistency.concat([d.overallConsistency,d.firstSlot]),backgroundColor:['#6a5acd','#6a5acd','#6a5acd','#483d8b','#e08a1e']}]},
options:{responsive:true,maintainAspectRatio:false,plugins:{legend:{display:false}},scales:{y:pctAxis}}});
new Chart(document.getElementById('length'),{type:'bar',data:{labels:d.ratios.map(function(r){return r[0];}),datasets:[
{label:'length A / length B',data:d.ratios.map(function(r){return r[1];}),backgroundColor:'#4b8bbe'}]},
options:{responsive:true,maintainAspectRatio:false,scales:{x:{ticks:{display:d.ratios.length<=40}}}}});
document.body.setAttribute('data-charts','ready');
})();`;

export function renderReportHtml(input: ReportInput): string {
  const m = input.manifest;
  const o = m.options;
  const library = input.chartJs.replace(/<\/script/gi, '<\\/script');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Generation benchmark ${escapeHtml(m.runId)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(o.pairCandidateAID)} (A) vs ${escapeHtml(o.pairCandidateBID)} (B)</h1>
<p class="sub">run <code>${escapeHtml(m.runId)}</code> · ${escapeHtml(m.status)} · judge ${escapeHtml(o.pairJudgeModel)} · cases ${escapeHtml(o.casesPath)} · ${m.counts.total} cases (${m.counts.failed} failed, ${m.counts.excluded} excluded) · key <code>${escapeHtml(m.benchmarkKey?.hash.slice(0, 16) ?? '-')}</code> · generated ${escapeHtml(input.generatedAt.toISOString())}</p>
${statsTable(m)}
<div class="grid">
<div class="card"><h2>Wins, ties, losses of A</h2><canvas id="wtl"></canvas></div>
<div class="card"><h2>Win rate of A with 95 % CI</h2><canvas id="winrate"></canvas></div>
<div class="card"><h2>Position consistency and first-slot preference</h2><canvas id="position"></canvas></div>
<div class="card"><h2>Output length ratio A/B per case</h2><canvas id="length"></canvas></div>
</div>
<h2>Cases</h2>
${casesTable(input.cases)}
<script type="application/json" id="report-data">${scriptJson(chartData(input))}</script>
<script>${library}</script>
<script>${CHART_SCRIPT}</script>
</body></html>
`;
}
