/**
 * Scale benchmarks: `npm run bench -- scale ann [size] [--hnswlib]` compares the ANN libraries (usearch, hnswlib-node)
 * on build time, recall@10 and QPS over the mixed abstracts.
 */
import { annBench } from './scale-ann.ts';

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'ann') await annBench(rest);
else throw new Error('usage: npm run bench -- scale ann [size] [--hnswlib]');
