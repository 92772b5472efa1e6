/**
 * The role of each sentence of an abstract — background, problem, contribution, method, result,
 * limitation — from cue phrases and the sentence's position (abstracts open with background, state
 * the problem, then what the authors do, then results, sometimes a limitation last). Pure.
 */
import { texToText } from '../text/latex/render-tex.ts';

export type SentenceRole =
  | 'background'
  | 'problem'
  | 'contribution'
  | 'method'
  | 'result'
  | 'limitation'
  /** "Code is available at …": no field shows it (the link goes to code and data links). */
  | 'other';

const AVAILABILITY =
  /\b(code|data|dataset|models?|weights|project page|benchmark|implementation|demo)s?\b[^.]{0,60}\b(is|are|will be|has been|have been)\b[^.]{0,30}\b(available|released|public)|^(code|project page|data)[^.]{0,20}\b(at|:)\s|https?:\/\//i;

export interface RoledSentence {
  /** The sentence as written (LaTeX kept: each surface renders it). */
  text: string;
  index: number;
  role: SentenceRole;
}

const SUBJECT = String.raw`\b(we|i|this (paper|work|study|article|survey|position paper)|here,? we|in this (paper|work|study),? we)\s+(also\s+|further\s+|then\s+|first\s+|therefore\s+|\w+ly\s+)?`;
const CONTRIBUTION = new RegExp(
  `${SUBJECT}(propose|present|introduce|develop|design|build|release|construct|contribute|offer|formulate|curate|create|put forward)s?\\b|\\bwe close this gap\\b`,
  'i',
);
/** "We study…", "this paper argues…": what the paper does when it proposes nothing. */
const AIM = new RegExp(
  `${SUBJECT}(argue|contend|investigate|study|explore|examine|analy[sz]e|review|survey|revisit|characteri[sz]e|benchmark|systematically evaluate|audit|address|tackle|ask)s?\\b`,
  'i',
);
const METHOD =
  /\b(our (method|approach|framework|model|system|pipeline|technique|algorithm)|the (proposed|key idea)|it (uses|leverages|consists|combines|employs|learns|trains|relies)|consists of|comprises|by (using|leveraging|combining|training|learning|decoupling)|we (use|train|fine-tune|apply|employ|leverage|combine|adopt|model|learn|formalize|define|derive|construct|augment|reformulate|frame|cast|leverage)|specifically|concretely|which (uses|leverages|combines|learns|integrates|decouples|routes|trains)|first,|second,|then,)\b/i;
const RESULT =
  /\b((experiments?|evaluations?|results?|analyses|studies) (on [^,.]{0,60} )?(show|demonstrate|indicate|reveal|suggest|confirm)|outperform\w*|achiev\w*|improv\w*|surpass\w*|state-of-the-art|sota|we (find|show|observe|demonstrate|report)|speed-?ups?|benchmarks? show|extensive experiments)\b|\d+(\.\d+)?\s?(%|\\%|x\b|×|\\times|times|points|pp)/i;
const WEAK_RESULT = /\b(accuracy|gains?|reduc\w*|faster|empirical(ly)?|f1|bleu|auroc|psnr)\b/i;
const LIMITATION =
  /\b(limitations?|limited to|restricted to|does not (generalize|scale|hold)|do not (generalize|scale|hold)|fails? to|future work|remains? (an? )?(open|challenging|unclear|unsolved)|left for future|at the cost of|drawbacks?|caveats?|we note that|only (works|applies|holds)|not yet|however, (our|the proposed|this)|although our|while our)\b/i;
/** A late sentence opening with a caveat ("However, gains shrink…") is a limitation unless it reports a result. */
const CAVEAT = /^(however|but|although|nevertheless|still|unfortunately),?\s/i;
const PROBLEM =
  /\b(existing|prior work|previous (work|methods)|current (methods|approaches|models)|however|but|yet|challeng\w*|problems?|issues?|lacks?|lacking|limited|struggles?|fails?|failures?|remains?|suffers?|bottlenecks?|costly|expensive|difficult|hard to|gap|unclear|underexplored|overlooked|insufficient|prone to|vulnerable|hinder\w*|question)\b/i;

function scores(plain: string, position: number): Record<Exclude<SentenceRole, 'other'>, number> {
  const early = position < 0.4;
  const late = position >= 0.5;
  return {
    contribution: CONTRIBUTION.test(plain) ? 3 : AIM.test(plain) ? 2.4 : 0,
    method: METHOD.test(plain) ? (early ? 1.2 : 1.6) : 0,
    result: RESULT.test(plain) ? (late ? 2.2 : 1.4) : WEAK_RESULT.test(plain) ? (late ? 1.1 : 0.5) : 0,
    limitation: late && (LIMITATION.test(plain) || (CAVEAT.test(plain) && !RESULT.test(plain))) ? 2.6 : 0,
    problem: PROBLEM.test(plain) ? (early ? 2 : 0.8) : 0,
    background: early ? 1 : 0.2,
  };
}

const ORDER: ReadonlyArray<Exclude<SentenceRole, 'other'>> = [
  'contribution',
  'limitation',
  'result',
  'method',
  'problem',
  'background',
];

export function classifySentences(sentences: readonly string[]): RoledSentence[] {
  const n = Math.max(sentences.length - 1, 1);
  const roled = sentences.map((text, index): RoledSentence => {
    const plain = texToText(text);
    if (AVAILABILITY.test(plain)) return { text, index, role: 'other' };
    const s = scores(plain, index / n);
    const role = ORDER.reduce<Exclude<SentenceRole, 'other'>>(
      (best, r) => (s[r] > s[best] ? r : best),
      'background',
    );
    return { text, index, role };
  });
  // A sentence right after a contribution that only describes it ("It uses…") is method, not background.
  for (const [i, s] of roled.entries()) {
    const previous = roled[i - 1];
    if (
      s.role === 'background' &&
      previous &&
      (previous.role === 'contribution' || previous.role === 'method')
    )
      s.role = 'method';
  }
  return roled;
}

/** Sentences of an abstract; decimals, "e.g." and "et al." do not end one. */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<!\b(?:e\.g|i\.e|et al|vs|cf|Fig|Eq|etc)\.)(?<=[.!?])\s+(?=[A-Z0-9(\\$“"])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
