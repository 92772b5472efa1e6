/**
 * Generates a tiny BERT-shaped model that transformers.js loads through its real pipeline:
 * config.json, tokenizer.json (WordPiece), tokenizer_config.json and onnx/model.onnx (+ a
 * model_quantized.onnx copy, the default dtype on some devices). The graph is
 * tanh(word_embedding[input_ids] + type_embedding[token_type_ids]) → last_hidden_state,
 * written as ONNX protobuf (IR 8, opset 14) by a small hand-written encoder.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bytesField, type Field, intField, messageField, stringField } from './protobuf-writer.ts';

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
const WORDS = [
  'the',
  'a',
  'of',
  'and',
  'to',
  'in',
  'for',
  'we',
  'is',
  'on',
  'with',
  'model',
  'models',
  'language',
  'large',
  'learning',
  'neural',
  'network',
  'networks',
  'data',
  'training',
  'image',
  'images',
  'graph',
  'retrieval',
  'search',
  'robot',
  'protein',
  'quantum',
  'inference',
  'attention',
  'transformer',
  'vision',
];
const TENSOR_FLOAT = 1;
const TENSOR_INT64 = 7;

export interface TinyBertOptions {
  hiddenSize?: number;
  maxPositions?: number;
  seed?: number;
}

export interface TinyBert {
  /** The folder that holds the model (pass its parent as the models dir, its name as model id). */
  dir: string;
  hiddenSize: number;
  vocab: Map<string, number>;
}

function buildVocab(): Map<string, number> {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
  const tokens = [...SPECIAL, ...WORDS, ...letters, ...letters.map((c) => `##${c}`)];
  return new Map(tokens.map((t, i) => [t, i]));
}

function randomFloats(count: number, seed: number): Float32Array {
  let state = seed >>> 0;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = state / 2 ** 31 - 1;
  }
  return out;
}

function tensor(name: string, dims: readonly number[], data: Float32Array): Field {
  const raw = new Uint8Array(data.length * 4);
  const view = new DataView(raw.buffer);
  data.forEach((v, i) => {
    view.setFloat32(i * 4, v, true);
  });
  return messageField(5, [
    ...dims.map((d) => intField(1, d)),
    intField(2, TENSOR_FLOAT),
    stringField(8, name),
    bytesField(9, raw),
  ]);
}

function valueInfo(field: number, name: string, elemType: number, dims: readonly (string | number)[]): Field {
  const shape = dims.map((d) =>
    messageField(1, [typeof d === 'number' ? intField(1, d) : stringField(2, d)]),
  );
  const tensorType = messageField(1, [intField(1, elemType), messageField(2, shape)]);
  return messageField(field, [stringField(1, name), messageField(2, [tensorType])]);
}

function node(op: string, inputs: readonly string[], outputs: readonly string[]): Field {
  return messageField(1, [
    ...inputs.map((i) => stringField(1, i)),
    ...outputs.map((o) => stringField(2, o)),
    stringField(3, `${op.toLowerCase()}_${outputs[0] ?? ''}`),
    stringField(4, op),
  ]);
}

/** The ONNX bytes of the tiny model. */
export function tinyBertOnnx(vocabSize: number, hidden: number, seed: number): Uint8Array {
  const graph = [
    node('Gather', ['word_embeddings', 'input_ids'], ['words']),
    node('Gather', ['type_embeddings', 'token_type_ids'], ['types']),
    node('Add', ['words', 'types'], ['summed']),
    node('Tanh', ['summed'], ['last_hidden_state']),
    stringField(2, 'tiny_bert'),
    tensor('word_embeddings', [vocabSize, hidden], randomFloats(vocabSize * hidden, seed)),
    tensor('type_embeddings', [2, hidden], randomFloats(2 * hidden, seed + 1)),
    valueInfo(11, 'input_ids', TENSOR_INT64, ['batch_size', 'sequence_length']),
    valueInfo(11, 'attention_mask', TENSOR_INT64, ['batch_size', 'sequence_length']),
    valueInfo(11, 'token_type_ids', TENSOR_INT64, ['batch_size', 'sequence_length']),
    valueInfo(12, 'last_hidden_state', TENSOR_FLOAT, ['batch_size', 'sequence_length', hidden]),
  ];
  return Buffer.concat([
    intField(1, 8),
    stringField(2, 'research-radar-tests'),
    messageField(7, graph),
    messageField(8, [stringField(1, ''), intField(2, 14)]),
  ]);
}

function tokenizerJson(vocab: Map<string, number>): unknown {
  const id = (t: string): number => vocab.get(t) ?? 0;
  const special = (t: string) => ({ id: t, ids: [id(t)], tokens: [t] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((t) => ({
      id: id(t),
      content: t,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab),
    },
  };
}

/** Writes the model into `<parent>/<name>` and returns where it is. */
export async function writeTinyBert(
  parent: string,
  name: string,
  options: TinyBertOptions = {},
): Promise<TinyBert> {
  const hiddenSize = options.hiddenSize ?? 16;
  const maxPositions = options.maxPositions ?? 64;
  const vocab = buildVocab();
  const dir = join(parent, name);
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const json = (file: string, value: unknown) =>
    writeFile(join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
  await json('config.json', {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: hiddenSize,
    vocab_size: vocab.size,
    max_position_embeddings: maxPositions,
    num_attention_heads: 2,
    num_hidden_layers: 1,
    type_vocab_size: 2,
    intermediate_size: hiddenSize * 2,
    pad_token_id: 0,
  });
  await json('tokenizer.json', tokenizerJson(vocab));
  await json('tokenizer_config.json', {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: maxPositions,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  });
  const onnx = tinyBertOnnx(vocab.size, hiddenSize, options.seed ?? 7);
  await writeFile(join(dir, 'onnx', 'model.onnx'), onnx);
  await writeFile(join(dir, 'onnx', 'model_quantized.onnx'), onnx);
  return { dir, hiddenSize, vocab };
}
