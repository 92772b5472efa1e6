/**
 * Scale benchmarks: `npm run bench -- scale ann [size]` compares the ANN libraries.
 */
import { annBench } from './scale-ann.ts';

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'ann') await annBench(rest);
else throw new Error('usage: npm run bench -- scale ann [size] [--hnswlib]');
