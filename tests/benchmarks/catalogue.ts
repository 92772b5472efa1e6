/**
 * A benchmark catalogue shaped like the one the radar is judged on, from real names: 16 Hugging
 * Face datasets (8 genuine benchmarks, 7 look-alikes, 1 stale), 13 GitHub repositories (5 of the
 * benchmarks under other names, 8 lists, harnesses and solvers) and 3 arXiv papers. Dates are
 * moved into the collection window; descriptions follow the real cards and READMEs, shortened.
 * `truth` maps every candidate id to the benchmark it belongs to (null: not a benchmark).
 */
import { makeRepository } from '../fakes/github-fake.ts';
import type { HubDataset } from '../fakes/huggingface-fake.ts';
import { makePaper } from '../helpers/papers.ts';

const MODIFIED = '2026-11-18T08:00:00.000Z';
const CREATED = '2026-11-05T08:00:00.000Z';

interface HubEntry {
  dataset: HubDataset;
  card: string;
  truth: string | null;
}

function hub(
  id: string,
  truth: string | null,
  tags: string[],
  card: string,
  extra: Partial<HubDataset> = {},
): HubEntry {
  return {
    dataset: {
      id,
      author: id.split('/')[0],
      downloads: 2000,
      likes: 30,
      tags,
      lastModified: MODIFIED,
      createdAt: CREATED,
      ...extra,
    },
    card,
    truth,
  };
}

const front = (yaml: string, body: string) => `---\n${yaml}\n---\n${body}\n`;

export const HUB: HubEntry[] = [
  hub(
    'princeton-nlp/SWE-bench_Verified',
    'swe-bench',
    ['task_categories:text-generation', 'modality:text'],
    front(
      'pretty_name: SWE-bench Verified\nconfigs:\n- config_name: default\n  data_files:\n  - split: test\n    path: data/test.parquet',
      'SWE-bench Verified is a human-validated subset of 500 test samples from SWE-bench, for evaluating systems that resolve GitHub issues. Code: https://github.com/SWE-bench/SWE-bench',
    ),
  ),
  hub(
    'cais/hle',
    'hle',
    ['benchmark', 'task_categories:question-answering', 'arxiv:2611.14249'],
    front(
      "pretty_name: Humanity's Last Exam",
      "Humanity's Last Exam (HLE) is a multi-modal benchmark at the frontier of human knowledge. https://arxiv.org/abs/2611.14249",
    ),
  ),
  hub(
    'livecodebench/code_generation_lite',
    'livecodebench',
    ['task_categories:text-generation', 'code'],
    front(
      'license: cc',
      'LiveCodeBench is a holistic and contamination-free evaluation benchmark of LLMs for code. Repository: https://github.com/LiveCodeBench/LiveCodeBench',
    ),
  ),
  hub(
    'TIGER-Lab/MMLU-Pro',
    'mmlu-pro',
    ['benchmark', 'task_categories:question-answering', 'arxiv:2406.01574'],
    front(
      'pretty_name: MMLU-Pro',
      'MMLU-Pro is a more robust and challenging massive multi-task understanding dataset to evaluate language models.',
    ),
  ),
  hub(
    'lmarena-ai/arena-hard-auto',
    'arena-hard-auto',
    ['leaderboard', 'task_categories:text-generation'],
    front(
      'pretty_name: Arena-Hard-Auto',
      'Arena-Hard-Auto is an automatic evaluation tool and benchmark for instruction-tuned LLMs, with 500 challenging prompts.',
    ),
  ),
  hub(
    'bigcode/bigcodebench',
    'bigcodebench',
    ['task_categories:text-generation', 'code'],
    front(
      'pretty_name: BigCodeBench',
      'BigCodeBench is an easy-to-use benchmark for code generation with practical and challenging programming tasks.',
    ),
  ),
  // Its id and tags carry no benchmark word: the Hub search cannot see it (the radar misses it).
  hub(
    'openai/MMMLU',
    'mmmlu',
    ['task_categories:question-answering'],
    front(
      'license: mit',
      'Multilingual Massive Multitask Language Understanding: MMLU test set translated into 14 languages, to evaluate models.',
    ),
  ),
  hub(
    'Idavidrein/gpqa',
    'gpqa',
    ['task_categories:question-answering', 'arxiv:2611.12022'],
    front(
      'pretty_name: GPQA',
      'GPQA: a graduate-level Google-proof Q&A benchmark of 448 questions. https://arxiv.org/abs/2611.12022',
    ),
  ),
  // Look-alikes: a run dump, results, submissions, requests, trajectories for training, SFT data.
  hub(
    'open-llm-leaderboard/details_meta-llama__Llama-3.1-8B-Instruct',
    null,
    ['leaderboard', 'benchmark'],
    front(
      'pretty_name: Evaluation run of meta-llama/Llama-3.1-8B-Instruct',
      'Dataset automatically created during the evaluation run of model meta-llama/Llama-3.1-8B-Instruct. The dataset is composed of 38 configurations, each one corresponding to one of the evaluated tasks: MMLU-Pro, GPQA, BBH, MATH.',
    ),
  ),
  hub(
    'open-llm-leaderboard/contents',
    null,
    ['leaderboard'],
    front(
      'pretty_name: Open LLM Leaderboard contents',
      'Leaderboard results of 4,500 models on the Open LLM Leaderboard benchmarks (IFEval, BBH, MATH, GPQA, MuSR, MMLU-Pro).',
    ),
  ),
  hub(
    'bigcode/bigcodebench-results',
    null,
    ['benchmark'],
    front('license: apache-2.0', 'Results of 150 models on BigCodeBench, the benchmark for code generation.'),
  ),
  hub(
    'livecodebench/submissions',
    null,
    ['leaderboard'],
    front(
      'license: cc',
      'Model submissions to the LiveCodeBench leaderboard: generations and scores per problem.',
    ),
  ),
  hub(
    'open-llm-leaderboard/requests',
    null,
    ['leaderboard'],
    front('license: apache-2.0', 'The queue of evaluation requests sent to the leaderboard.'),
  ),
  hub(
    'SWE-bench/SWE-smith-trajectories',
    null,
    ['task_categories:text-generation'],
    front(
      'configs:\n- config_name: default\n  data_files:\n  - split: train\n    path: train.parquet',
      'Agent trajectories for fine-tuning data of software engineering agents, generated with SWE-smith.',
    ),
  ),
  hub(
    'HuggingFaceH4/eval-instruct-mix',
    null,
    ['task_categories:text-generation'],
    front(
      'configs:\n- config_name: default\n  data_files:\n  - split: train_sft\n    path: sft.parquet',
      'An instruction-tuning mixture for chat models, decontaminated against common evaluation sets.',
    ),
  ),
  // Stale: modified this week, created years ago.
  hub(
    'openai/gsm8k',
    null,
    ['benchmark', 'task_categories:text-generation'],
    front(
      'pretty_name: GSM8K',
      'GSM8K is a dataset of 8.5K grade school math word problems to evaluate models.',
    ),
    { createdAt: '2022-04-12T10:22:10.000Z' },
  ),
];

const repo = (fullName: string, description: string, stars: number, topics: string[] = []) =>
  makeRepository({ fullName, description, stars, topics, createdAt: CREATED, pushedAt: MODIFIED });

export const REPOS: Array<{ repo: ReturnType<typeof makeRepository>; truth: string | null }> = [
  {
    repo: repo(
      'SWE-bench/SWE-bench',
      'SWE-bench: Can Language Models Resolve Real-World GitHub Issues? A benchmark.',
      3800,
      ['benchmark'],
    ),
    truth: 'swe-bench',
  },
  {
    repo: repo(
      'centerforaisafety/hle',
      "Humanity's Last Exam: the evaluation code of the HLE benchmark",
      1200,
      ['benchmark'],
    ),
    truth: 'hle',
  },
  {
    repo: repo(
      'LiveCodeBench/LiveCodeBench',
      'Official repository for LiveCodeBench: holistic and contamination free evaluation of code LLMs',
      700,
      ['benchmark'],
    ),
    truth: 'livecodebench',
  },
  {
    repo: repo(
      'TIGER-AI-Lab/MMLU-Pro',
      'The code and data for "MMLU-Pro: A More Robust and Challenging Multi-Task Language Understanding Benchmark"',
      400,
      ['benchmark'],
    ),
    truth: 'mmlu-pro',
  },
  {
    repo: repo('lmarena/arena-hard-auto', 'Arena-Hard-Auto: An automatic LLM benchmark.', 900, [
      'benchmark',
      'leaderboard',
    ]),
    truth: 'arena-hard-auto',
  },
  {
    repo: repo(
      'EleutherAI/lm-evaluation-harness',
      'A framework for few-shot evaluation of language models. Supports MMLU-Pro, GPQA, HLE, BigCodeBench and 60 more benchmarks.',
      9000,
      ['evaluation'],
    ),
    truth: null,
  },
  {
    repo: repo(
      'open-compass/opencompass',
      'OpenCompass is an LLM evaluation platform, supporting a wide range of models over 100+ benchmark datasets.',
      5000,
      ['benchmark', 'evaluation'],
    ),
    truth: null,
  },
  {
    repo: repo(
      'SWE-agent/SWE-agent',
      'SWE-agent takes a GitHub issue and tries to automatically fix it, using your LM of choice. State of the art on SWE-bench among open-source projects.',
      16000,
      ['benchmark', 'swe-bench'],
    ),
    truth: null,
  },
  {
    repo: repo('All-Hands-AI/OpenHands', 'OpenHands: Code Less, Make More', 50000, [
      'agent',
      'swe-bench',
      'benchmark',
    ]),
    truth: null,
  },
  {
    repo: repo(
      'Hannibal046/Awesome-LLM',
      'Awesome-LLM: a curated list of Large Language Model resources, benchmarks and leaderboards',
      22000,
      ['benchmark'],
    ),
    truth: null,
  },
  {
    repo: repo(
      'tjunlp-lab/Awesome-LLMs-Evaluation-Papers',
      'The papers are organized according to our survey: Evaluating Large Language Models: A Comprehensive Survey (benchmark)',
      700,
      ['evaluation'],
    ),
    truth: null,
  },
  {
    repo: repo(
      'huggingface/lighteval',
      'Lighteval is your all-in-one toolkit for evaluating LLMs across multiple backends; 1000+ evaluation tasks',
      1800,
      ['evaluation'],
    ),
    truth: null,
  },
  {
    repo: repo(
      'SWE-bench/experiments',
      'Open sourced predictions, execution logs, trajectories, and results from model inference + evaluation runs on the SWE-bench benchmark.',
      300,
      ['benchmark'],
    ),
    truth: null,
  },
];

export const PAPERS = [
  {
    paper: makePaper('2611.14249', {
      title: "Humanity's Last Exam",
      abstract:
        "Benchmarks are important tools for tracking the rapid advancements in large language model (LLM) capabilities. However, benchmarks are not keeping pace in difficulty. To address this, we introduce Humanity's Last Exam (HLE), a multi-modal benchmark at the frontier of human knowledge, with 2,500 questions across dozens of subjects.",
      published: '2026-11-16T17:00:00Z',
    }),
    truth: 'hle',
  },
  {
    paper: makePaper('2611.12022', {
      title: 'GPQA: A Graduate-Level Google-Proof Q&A Benchmark',
      abstract:
        'We present GPQA, a challenging dataset of 448 multiple-choice questions written by domain experts in biology, physics, and chemistry, to evaluate scalable oversight.',
      published: '2026-11-17T17:00:00Z',
    }),
    truth: 'gpqa',
  },
  {
    paper: makePaper('2611.15793', {
      title: 'SWE-agent: Agent-Computer Interfaces Enable Automated Software Engineering',
      abstract:
        'We introduce SWE-agent, a system that lets LM agents autonomously use computers to solve software engineering tasks; it achieves state-of-the-art results on the SWE-bench benchmark and HumanEvalFix.',
      published: '2026-11-17T17:00:00Z',
    }),
    truth: null,
  },
];

/** Candidate id → the benchmark it belongs to (null: not a benchmark). */
export function truthById(): Map<string, string | null> {
  const entries: Array<[string, string | null]> = [
    ...HUB.map((h): [string, string | null] => [
      `huggingface:huggingface.co/datasets/${h.dataset.id.toLowerCase()}`,
      h.truth,
    ]),
    ...REPOS.map((r): [string, string | null] => [
      `github:github.com/${r.repo.full_name.toLowerCase()}`,
      r.truth,
    ]),
    ...PAPERS.map((p): [string, string | null] => [`arxiv:arxiv.org/abs/${p.paper.id}`, p.truth]),
  ];
  return new Map(entries);
}

export const GENUINE = [...new Set(HUB.flatMap((h) => h.truth ?? []))];
