/**
 * A local Hugging Face Hub for datasets: `GET /api/datasets` (search, filter, sort, cursor paging
 * through `Link: rel="next"`), `GET /api/datasets/{owner}/{name}`, the dataset card at
 * `/datasets/{owner}/{name}/raw/main/README.md` (and `/resolve/main/`), and the Hub's error shape
 * (`{"error": "Repository not found"}` with `x-error-code`). Starts from the recorded fixtures.
 */
import { stringify } from 'yaml';
import { type FakeServer, type RecordedRequest, startFakeServer } from './fake-server.ts';
import {
  type HubDataset,
  hubError,
  listDatasets,
  loadFixtureDatasetDetail,
  loadFixtureDatasets,
} from './huggingface/datasets.ts';

export type { HubDataset };
export { loadFixtureDatasetDetail, loadFixtureDatasets };

export interface HuggingFaceFakeOptions {
  /** Default: the three datasets of datasets_search_list_COMPOSED.json. */
  datasets?: readonly HubDataset[];
  /** Largest page the listing returns; default 1000 like the Hub. */
  pageSize?: number;
  /** When set, a request with another bearer token gets 401 (requests without one stay public). */
  token?: string;
}

export interface HuggingFaceFake extends FakeServer {
  setDatasets(datasets: readonly HubDataset[]): void;
  addDataset(dataset: HubDataset): void;
  /** The detail `GET /api/datasets/{id}` answers; default the list item plus a README sibling. */
  setDatasetDetail(id: string, detail: HubDataset): void;
  /** The README.md the card routes serve; `null` makes it missing (404 EntryNotFound). */
  setCard(id: string, markdown: string | null): void;
  setPageSize(size: number): void;
  /** Bearer tokens of the requests received, in order (undefined for anonymous ones). */
  bearerTokens(): Array<string | undefined>;
}

function bearer(req: RecordedRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

function defaultCard(dataset: HubDataset): string {
  const front = dataset.cardData ? `---\n${stringify(dataset.cardData)}---\n\n` : '';
  return `${front}# Dataset Card for ${dataset.id}\n\n${dataset.description ?? ''}\n`;
}

export async function startHuggingFaceFake(options: HuggingFaceFakeOptions = {}): Promise<HuggingFaceFake> {
  const server = await startFakeServer('huggingface');
  let datasets: HubDataset[] = [...(options.datasets ?? loadFixtureDatasets())];
  const fixtureDetail = loadFixtureDatasetDetail();
  const details = new Map<string, HubDataset>([[fixtureDetail.id, fixtureDetail]]);
  const cards = new Map<string, string | null>();
  let pageSize = options.pageSize ?? 1000;

  const find = (owner: string, name: string): HubDataset | undefined => {
    const id = `${owner}/${name}`;
    return datasets.find((d) => d.id === id);
  };
  const guard = (req: RecordedRequest) => {
    const token = bearer(req);
    if (options.token !== undefined && token !== undefined && token !== options.token) {
      return hubError(401, 'Invalid credentials in Authorization header');
    }
    return undefined;
  };

  server.route(
    'GET',
    '/api/datasets',
    (req) => guard(req) ?? listDatasets(req, datasets, server.url, pageSize),
  );
  server.route('GET', '/api/datasets/:owner/:name', (req, { owner = '', name = '' }) => {
    const denied = guard(req);
    if (denied) return denied;
    const dataset = find(owner, name);
    if (!dataset) return hubError(404, 'Repository not found', 'RepoNotFound');
    return {
      body: details.get(dataset.id) ?? {
        ...dataset,
        cardData: dataset.cardData ?? {},
        siblings: [{ rfilename: '.gitattributes' }, { rfilename: 'README.md' }],
      },
    };
  });
  for (const kind of ['raw', 'resolve']) {
    server.route('GET', `/datasets/:owner/:name/${kind}/main/README.md`, (req, { owner = '', name = '' }) => {
      const denied = guard(req);
      if (denied) return denied;
      const dataset = find(owner, name);
      if (!dataset) return hubError(404, 'Repository not found', 'RepoNotFound');
      const card = cards.has(dataset.id)
        ? cards.get(dataset.id)
        : defaultCard(details.get(dataset.id) ?? dataset);
      if (card === null || card === undefined) return hubError(404, 'Entry not found', 'EntryNotFound');
      return { headers: { 'content-type': 'text/plain; charset=utf-8' }, body: card };
    });
  }

  return Object.assign(server, {
    setDatasets(next: readonly HubDataset[]) {
      datasets = [...next];
    },
    addDataset(dataset: HubDataset) {
      datasets = [...datasets, dataset];
    },
    setDatasetDetail(id: string, detail: HubDataset) {
      details.set(id, detail);
    },
    setCard(id: string, markdown: string | null) {
      cards.set(id, markdown);
    },
    setPageSize(size: number) {
      pageSize = size;
    },
    bearerTokens: () => server.requests.map(bearer),
  });
}
