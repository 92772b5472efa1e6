#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader: no build step, so `npx radar` works after install.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
