/**
 * A child process for the crash test: publishes papers to the Notion fake through the real
 * publisher. With `--hang-after-create` its fetch never returns once a pages.create response
 * has arrived and it prints `created`, so the parent can SIGKILL it exactly between the create
 * and the record of the page.
 */
import { createNotionApi } from '../../src/adapters/notion/notion-client.ts';
import { createNotionPublisher } from '../../src/adapters/notion/notion-publisher.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createNotionMapStore } from '../../src/store/notion-map-store.ts';
import { makeItem, paperIds } from './notion.ts';

const [baseUrl = '', stateDir = '', dataSourceId = '', count = '3', mode = ''] = process.argv.slice(2);

const hangingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (init?.method === 'POST' && String(input).endsWith('/v1/pages') && response.ok) {
    process.stdout.write('created\n');
    return new Promise<Response>(() => {});
  }
  return response;
};

const api = createNotionApi({
  token: 'secret_test',
  baseUrl,
  requestsPerSecond: 1000,
  burst: 1000,
  logger: silentLogger(),
  ...(mode === '--hang-after-create' ? { fetch: hangingFetch } : {}),
});
const publisher = createNotionPublisher(
  { api, mapStore: createNotionMapStore(stateDir), logger: silentLogger() },
  { dataSourceId },
);
const { results } = await publisher.publish(
  '2026-11-21',
  paperIds(Number(count)).map((id) => makeItem(id)),
);
process.stdout.write(`${JSON.stringify(results)}\n`);
