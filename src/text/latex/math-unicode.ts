/**
 * TeX math as Unicode text for surfaces without math rendering (Telegram, Slack, Feishu, plain
 * text): `\alpha` → α, `x^2` → x², `\mathbb{R}` → ℝ, `\frac{1}{2}` → 1/2. Returns undefined when
 * some part has no faithful Unicode form (a superscript letter Unicode lacks, a matrix), so the
 * caller shows the TeX source instead. Pure. Written here because no maintained npm package
 * converts TeX math to Unicode (unicode2latex is a BibTeX character table without sub/superscripts).
 */
import { TEXT_SYMBOLS } from './text-macros.ts';

const GREEK: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  vartheta: 'ϑ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  varpi: 'ϖ',
  rho: 'ρ',
  varrho: 'ϱ',
  sigma: 'σ',
  varsigma: 'ς',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'ϕ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Upsilon: 'Υ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};

const SYMBOLS: Record<string, string> = {
  ...GREEK,
  times: '×',
  cdot: '·',
  cdots: '⋯',
  ldots: '…',
  dots: '…',
  pm: '±',
  mp: '∓',
  div: '÷',
  ast: '∗',
  star: '⋆',
  circ: '∘',
  bullet: '•',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ll: '≪',
  gg: '≫',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '~',
  simeq: '≃',
  cong: '≅',
  equiv: '≡',
  propto: '∝',
  in: '∈',
  notin: '∉',
  ni: '∋',
  subset: '⊂',
  subseteq: '⊆',
  supset: '⊃',
  supseteq: '⊇',
  cup: '∪',
  cap: '∩',
  setminus: '∖',
  emptyset: '∅',
  varnothing: '∅',
  forall: '∀',
  exists: '∃',
  neg: '¬',
  lnot: '¬',
  land: '∧',
  wedge: '∧',
  lor: '∨',
  vee: '∨',
  oplus: '⊕',
  otimes: '⊗',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  gets: '←',
  Rightarrow: '⇒',
  Leftarrow: '⇐',
  leftrightarrow: '↔',
  Leftrightarrow: '⇔',
  iff: '⇔',
  implies: '⟹',
  mapsto: '↦',
  uparrow: '↑',
  downarrow: '↓',
  infty: '∞',
  partial: '∂',
  nabla: '∇',
  sum: '∑',
  prod: '∏',
  int: '∫',
  oint: '∮',
  sqrt: '√',
  ell: 'ℓ',
  hbar: 'ℏ',
  Re: 'ℜ',
  Im: 'ℑ',
  aleph: 'ℵ',
  prime: '′',
  degree: '°',
  angle: '∠',
  perp: '⊥',
  parallel: '∥',
  mid: '∣',
  vert: '|',
  Vert: '‖',
  langle: '⟨',
  rangle: '⟩',
  lceil: '⌈',
  rceil: '⌉',
  lfloor: '⌊',
  rfloor: '⌋',
  top: '⊤',
  bot: '⊥',
  dagger: '†',
  log: 'log',
  ln: 'ln',
  exp: 'exp',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  max: 'max',
  min: 'min',
  arg: 'arg',
  argmax: 'argmax',
  argmin: 'argmin',
  lim: 'lim',
  sup: 'sup',
  inf: 'inf',
  det: 'det',
  Pr: 'Pr',
  '%': '%',
  $: '$',
  '&': '&',
  '#': '#',
  _: '_',
  '{': '{',
  '}': '}',
  '|': '‖',
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '!': '',
  ' ': ' ',
  quad: ' ',
  qquad: '  ',
  left: '',
  right: '',
  big: '',
  Big: '',
  bigl: '',
  bigr: '',
  Bigl: '',
  Bigr: '',
  displaystyle: '',
  textstyle: '',
  limits: '',
  nolimits: '',
  // Units authors define as macros (`$21.41\\db$`) read with a space before them.
  db: ' dB',
  dB: ' dB',
  ms: ' ms',
};

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
  a: 'ᵃ',
  b: 'ᵇ',
  c: 'ᶜ',
  d: 'ᵈ',
  e: 'ᵉ',
  f: 'ᶠ',
  g: 'ᵍ',
  h: 'ʰ',
  j: 'ʲ',
  k: 'ᵏ',
  l: 'ˡ',
  m: 'ᵐ',
  o: 'ᵒ',
  p: 'ᵖ',
  r: 'ʳ',
  s: 'ˢ',
  t: 'ᵗ',
  u: 'ᵘ',
  v: 'ᵛ',
  w: 'ʷ',
  x: 'ˣ',
  y: 'ʸ',
  z: 'ᶻ',
  T: 'ᵀ',
  '′': '′',
  '*': '*',
  '∗': '*',
  ' ': '',
};

const SUBSCRIPT: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
  ' ': '',
};

const DOUBLE_STRUCK: Record<string, string> = { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' };

class NoUnicode extends Error {}

type Token = { kind: 'command'; name: string } | { kind: 'char'; char: string };

const isChar = (token: Token | undefined, char: string): boolean =>
  token?.kind === 'char' && token.char === char;

function tokenize(tex: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < tex.length; i++) {
    const ch = tex[i] ?? '';
    if (ch === '\\') {
      const word = /^[A-Za-z]+/.exec(tex.slice(i + 1))?.[0];
      const name = word ?? tex[i + 1] ?? '';
      tokens.push({ kind: 'command', name });
      i += name.length;
    } else if (/\s/.test(ch)) {
      if (!isChar(tokens.at(-1), ' ')) tokens.push({ kind: 'char', char: ' ' });
    } else tokens.push({ kind: 'char', char: ch });
  }
  return tokens;
}

class Reader {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}
  done(): boolean {
    return this.at >= this.tokens.length;
  }
  peek(): Token | undefined {
    return this.tokens[this.at];
  }
  next(): Token | undefined {
    return this.tokens[this.at++];
  }
  /** One argument: a `{…}` group or a single token, skipping spaces before it. */
  argument(): string {
    while (isChar(this.peek(), ' ')) this.at++;
    const token = this.next();
    if (!token) throw new NoUnicode('missing argument');
    if (token.kind === 'char' && token.char === '{') return this.until('}');
    return this.atom(token);
  }
  /** Tokens up to the closing `end`, converted. */
  until(end: string): string {
    let out = '';
    for (let token = this.next(); token; token = this.next()) {
      if (token.kind === 'char' && token.char === end) return out;
      out += this.atom(token);
    }
    throw new NoUnicode('unbalanced group');
  }
  atom(token: Token): string {
    if (token.kind === 'char') {
      if (token.char === '{') return this.until('}');
      if (token.char === '^') return scripted(this.argument(), SUPERSCRIPT);
      if (token.char === '_') return scripted(this.argument(), SUBSCRIPT);
      if (token.char === '}' || token.char === '&') throw new NoUnicode('stray brace');
      return token.char === '-' ? '−' : token.char;
    }
    return this.command(token.name);
  }
  command(name: string): string {
    switch (name) {
      case 'mathbb':
      case 'mathbbm':
        return [...this.argument()].map((c) => DOUBLE_STRUCK[c] ?? doubleStruck(c)).join('');
      case 'frac':
      case 'dfrac':
      case 'tfrac': {
        const num = this.argument();
        const den = this.argument();
        return `${wrap(num)}/${wrap(den)}`;
      }
      case 'sqrt':
        return `√${wrap(this.argument())}`;
      case 'hat':
      case 'widehat':
        return `${this.argument()}\u0302`;
      case 'tilde':
      case 'widetilde':
        return `${this.argument()}\u0303`;
      case 'bar':
      case 'overline':
        return `${this.argument()}\u0305`;
      case 'vec':
        return `${this.argument()}\u20d7`;
      case 'dot':
        return `${this.argument()}\u0307`;
      case 'mathrm':
      case 'mathit':
      case 'mathbf':
      case 'mathsf':
      case 'mathtt':
      case 'mathcal':
      case 'boldsymbol':
      case 'bm':
      case 'text':
      case 'textrm':
      case 'textbf':
      case 'textit':
      case 'texttt':
      case 'mbox':
      case 'operatorname':
        return this.argument();
      case 'begin':
      case 'end':
        throw new NoUnicode(`environment ${name}`);
      default: {
        const symbol = SYMBOLS[name] ?? TEXT_SYMBOLS[name];
        if (symbol !== undefined) return symbol;
        // An unknown user macro without arguments reads as its name (`\db` is in the table; `\ours` → "ours").
        if (/^[A-Za-z]+$/.test(name) && !isChar(this.peek(), '{')) return name;
        throw new NoUnicode(`\\${name}`);
      }
    }
  }
}

function doubleStruck(c: string): string {
  if (!/^[A-Z]$/.test(c)) throw new NoUnicode('double-struck');
  return String.fromCodePoint(0x1d538 + c.charCodeAt(0) - 65);
}

function wrap(text: string): string {
  return /^[\p{L}\p{N}.]+$/u.test(text) || text.length <= 1 ? text : `(${text})`;
}

function scripted(text: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of text) {
    const mapped = table[ch];
    if (mapped === undefined) throw new NoUnicode(`no script form of ${ch}`);
    out += mapped;
  }
  return out;
}

/** The Unicode form of TeX math, or undefined when it has none. */
export function mathToUnicode(tex: string): string | undefined {
  try {
    const reader = new Reader(tokenize(tex.trim()));
    let out = '';
    while (!reader.done()) {
      const token = reader.next();
      if (token) out += reader.atom(token);
    }
    return out.replace(/ {2,}/g, ' ').trim();
  } catch (error) {
    if (error instanceof NoUnicode) return undefined;
    throw error;
  }
}
