/**
 * A local Hugging Face Hub for dataset repositories, speaking what `@huggingface/hub`'s `commit`,
 * `listCommits`, `listFiles` and `downloadFile` send: the commits listing, the recursive tree
 * (paged with `Link: rel="next"`), preupload (regular or LFS per file), the LFS batch API with
 * basic transfers and the upload PUTs (checked against their sha256 and size), the NDJSON commit
 * (a `parentCommit` that is no longer the head is refused with 412 as the Hub does), and resolve
 * with `Range`. Every API call needs the bearer token (401 otherwise); `echoToken` makes the
 * errors quote the token they received, as a careless proxy would. Faults come from fake-server.
 */
import { createHash } from 'node:crypto';
import { type FakeResponse, type FakeServer, type RecordedRequest, startFakeServer } from './fake-server.ts';

interface StoredFile {
  content: Buffer;
  lfs: boolean;
}

interface Commit {
  oid: string;
  parent: string | undefined;
  title: string;
  date: string;
  tree: Map<string, StoredFile>;
}

interface Repo {
  branches: Map<string, string>;
  commits: Map<string, Commit>;
}

interface HubFakeOptions {
  token: string;
  /** Errors quote the token the request carried. */
  echoToken?: boolean;
  /** Tree entries per page (the client follows the Link header); default 1000. */
  treePageSize?: number;
}

export interface ReceivedContent {
  path: string;
  bytes: number;
  via: 'commit' | 'lfs';
}

export interface HubFake extends FakeServer {
  createRepo(repo: string, files?: Record<string, string | Buffer>): string;
  /** A commit made elsewhere (another machine, the web UI): moves the branch. */
  commitExternally(repo: string, files: Record<string, string | Buffer>, branch?: string): string;
  head(repo: string, branch?: string): string | undefined;
  /** The files of the branch head. */
  files(repo: string, branch?: string): Map<string, Buffer>;
  commitCount(repo: string): number;
  /** File contents the fake received, in commits (base64 lines) and LFS uploads. */
  received(): ReceivedContent[];
  /** Runs once, when the next commit request arrives and before it is checked. */
  beforeNextCommit(fn: () => void): void;
}

const LFS_THRESHOLD = 10 * 1024 * 1024;

function gitBlobOid(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

function lfsPointer(content: Buffer): Buffer {
  return Buffer.from(
    `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256(content)}\nsize ${content.length}\n`,
  );
}

function hubError(status: number, message: string, code?: string): FakeResponse {
  return {
    status,
    headers: code ? { 'x-error-code': code, 'x-error-message': message } : {},
    body: { error: message },
  };
}

function bearer(req: RecordedRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** What the Hub stores with LFS: parquet (in its default .gitattributes), binary or large files. */
function storedWithLfs(path: string, size: number, sample: Buffer): boolean {
  return path.endsWith('.parquet') || size >= LFS_THRESHOLD || sample.includes(0);
}

export async function startHubFake(options: HubFakeOptions): Promise<HubFake> {
  const server = await startFakeServer('hf-hub');
  const repos = new Map<string, Repo>();
  const lfsObjects = new Map<string, Buffer>();
  const received: ReceivedContent[] = [];
  let commitHook: (() => void) | undefined;
  let counter = 0;
  const pageSize = options.treePageSize ?? 1000;

  const newOid = (): string =>
    createHash('sha1').update(`commit ${++counter} ${Math.random()}`).digest('hex');

  const addCommit = (repo: Repo, branch: string, title: string, tree: Map<string, StoredFile>): string => {
    const oid = newOid();
    repo.commits.set(oid, {
      oid,
      parent: repo.branches.get(branch),
      title,
      date: new Date().toISOString(),
      tree,
    });
    repo.branches.set(branch, oid);
    return oid;
  };

  const toTree = (files: Record<string, string | Buffer>): Map<string, StoredFile> =>
    new Map(
      Object.entries(files).map(([path, content]) => {
        const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
        return [path, { content: buffer, lfs: storedWithLfs(path, buffer.length, buffer.subarray(0, 512)) }];
      }),
    );

  const unauthorized = (req: RecordedRequest): FakeResponse | undefined => {
    const token = bearer(req);
    if (token === options.token) return undefined;
    const message =
      options.echoToken && token !== undefined
        ? `Invalid credentials in Authorization header: ${token}`
        : 'Invalid credentials in Authorization header';
    return hubError(401, message);
  };

  const findRepo = (owner: string, name: string): Repo | undefined => repos.get(`${owner}/${name}`);

  /** A branch name or a commit id → the commit. */
  const resolveRevision = (repo: Repo, revision: string): Commit | undefined => {
    const oid = repo.branches.get(revision) ?? revision;
    return repo.commits.get(oid);
  };

  const withRepo = (
    req: RecordedRequest,
    params: Record<string, string>,
    fn: (repo: Repo) => FakeResponse | Promise<FakeResponse>,
  ): FakeResponse | Promise<FakeResponse> => {
    const denied = unauthorized(req);
    if (denied) return denied;
    const repo = findRepo(params.owner ?? '', params.name ?? '');
    if (!repo) return hubError(404, 'Repository not found', 'RepoNotFound');
    return fn(repo);
  };

  server.route('GET', '/api/datasets/:owner/:name/commits/:rev', (req, params) =>
    withRepo(req, params, (repo) => {
      const start = resolveRevision(repo, params.rev ?? '');
      if (!start) return hubError(404, `Invalid rev id: ${params.rev}`, 'RevisionNotFound');
      const limit = Number(req.query.get('limit') ?? '100');
      const out: unknown[] = [];
      for (
        let c: Commit | undefined = start;
        c && out.length < limit;
        c = c.parent ? repo.commits.get(c.parent) : undefined
      )
        out.push({
          id: c.oid,
          title: c.title,
          message: '',
          authors: [{ user: 'radar', avatar: '' }],
          date: c.date,
        });
      return { body: out };
    }),
  );

  server.route('GET', '/api/datasets/:owner/:name/tree/:rev', (req, params) =>
    withRepo(req, params, (repo) => {
      const commit = resolveRevision(repo, params.rev ?? '');
      if (!commit) return hubError(404, `Invalid rev id: ${params.rev}`, 'RevisionNotFound');
      if (req.query.get('recursive') !== 'true') return hubError(400, 'the fake lists recursively only');
      const dirs = new Set<string>();
      for (const path of commit.tree.keys()) {
        const parts = path.split('/');
        for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
      }
      const entries = [
        ...[...dirs].map((path) => ({
          type: 'directory',
          oid: gitBlobOid(Buffer.from(path)),
          size: 0,
          path,
        })),
        ...[...commit.tree.entries()].map(([path, file]) =>
          file.lfs
            ? {
                type: 'file',
                oid: gitBlobOid(lfsPointer(file.content)),
                size: file.content.length,
                path,
                lfs: {
                  oid: sha256(file.content),
                  size: file.content.length,
                  pointerSize: lfsPointer(file.content).length,
                },
              }
            : { type: 'file', oid: gitBlobOid(file.content), size: file.content.length, path },
        ),
      ].sort((a, b) => (a.path < b.path ? -1 : 1));
      const cursor = Number(req.query.get('cursor') ?? '0');
      const page = entries.slice(cursor, cursor + pageSize);
      const headers: Record<string, string> = {};
      if (cursor + pageSize < entries.length) {
        const next = new URL(`${server.url}${req.path}`);
        for (const [key, value] of req.query) next.searchParams.set(key, value);
        next.searchParams.set('cursor', String(cursor + pageSize));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return { headers, body: page };
    }),
  );

  server.route('POST', '/api/datasets/:owner/:name/preupload/:branch', (req, params) =>
    withRepo(req, params, (repo) => {
      const body = req.json as
        | { files?: Array<{ path?: unknown; size?: unknown; sample?: unknown }> }
        | undefined;
      if (!body || !Array.isArray(body.files)) return hubError(400, 'Invalid body: files must be an array');
      const files = [];
      for (const file of body.files) {
        if (typeof file.path !== 'string' || typeof file.size !== 'number' || typeof file.sample !== 'string')
          return hubError(400, 'Invalid body: each file needs path, size and sample');
        const sample = Buffer.from(file.sample, 'base64');
        files.push({
          path: file.path,
          uploadMode: storedWithLfs(file.path, file.size, sample) ? 'lfs' : 'regular',
          shouldIgnore: false,
        });
      }
      return { body: { files, commitOid: repo.branches.get(params.branch ?? 'main') } };
    }),
  );

  server.route('POST', '/datasets/:owner/:namegit/info/lfs/objects/batch', (req, params) => {
    const denied = unauthorized(req);
    if (denied) return denied;
    const name = (params.namegit ?? '').replace(/\.git$/, '');
    if (!findRepo(params.owner ?? '', name)) return hubError(404, 'Repository not found', 'RepoNotFound');
    if (!(req.headers['content-type'] ?? '').startsWith('application/vnd.git-lfs+json'))
      return hubError(415, 'expected application/vnd.git-lfs+json');
    const body = req.json as
      | { operation?: unknown; objects?: Array<{ oid?: unknown; size?: unknown }> }
      | undefined;
    if (body?.operation !== 'upload' || !Array.isArray(body.objects))
      return hubError(422, 'Invalid LFS batch request');
    const objects = body.objects.map((o) => {
      const oid = String(o.oid);
      if (lfsObjects.has(oid)) return { oid, size: o.size };
      return {
        oid,
        size: o.size,
        authenticated: true,
        actions: {
          upload: { href: `${server.url}/lfs-storage/${oid}?size=${String(o.size)}`, expires_in: 3600 },
        },
      };
    });
    return {
      headers: { 'content-type': 'application/vnd.git-lfs+json' },
      body: JSON.stringify({ transfer: 'basic', objects }),
    };
  });

  // Where the LFS batch sends the bytes (S3 on the real Hub): the body must match the oid it was given.
  server.route('PUT', '/lfs-storage/:oid', (req, params) => {
    const oid = params.oid ?? '';
    if (sha256(req.body) !== oid || String(req.body.length) !== req.query.get('size'))
      return { status: 400, body: '<Error><Code>BadDigest</Code></Error>' };
    lfsObjects.set(oid, req.body);
    received.push({ path: oid, bytes: req.body.length, via: 'lfs' });
    return { status: 200, headers: { etag: `"${oid}"` }, body: '' };
  });

  server.route('POST', '/api/datasets/:owner/:name/commit/:branch', (req, params) =>
    withRepo(req, params, (repo) => {
      const hook = commitHook;
      commitHook = undefined;
      hook?.();
      if (!(req.headers['content-type'] ?? '').startsWith('application/x-ndjson'))
        return hubError(400, 'expected application/x-ndjson');
      const branch = params.branch ?? 'main';
      const lines: Array<{ key?: unknown; value?: Record<string, unknown> }> = [];
      for (const line of req.text.split('\n').filter((l) => l.trim() !== '')) {
        try {
          lines.push(JSON.parse(line) as { key?: unknown; value?: Record<string, unknown> });
        } catch {
          return hubError(400, 'Invalid NDJSON line');
        }
      }
      const [header, ...operations] = lines;
      if (header?.key !== 'header' || typeof header.value?.summary !== 'string')
        return hubError(400, 'the first line must be the header with a summary');
      const parent = header.value.parentCommit;
      const head = repo.branches.get(branch);
      if (head === undefined) return hubError(404, `Invalid rev id: ${branch}`, 'RevisionNotFound');
      if (typeof parent === 'string' && parent !== head)
        return hubError(412, 'A commit has happened since. Please refresh and try again.');
      const tree = new Map(repo.commits.get(head)?.tree ?? []);
      const pending: ReceivedContent[] = [];
      for (const op of operations) {
        const path = op.value?.path;
        if (typeof path !== 'string' || path === '') return hubError(400, 'an operation without a path');
        if (op.key === 'file') {
          if (op.value?.encoding !== 'base64' || typeof op.value.content !== 'string')
            return hubError(400, `${path}: file content must be base64`);
          const content = Buffer.from(op.value.content, 'base64');
          tree.set(path, { content, lfs: false });
          pending.push({ path, bytes: content.length, via: 'commit' });
        } else if (op.key === 'lfsFile') {
          const content = lfsObjects.get(String(op.value?.oid));
          if (!content || content.length !== op.value?.size)
            return hubError(422, `${path}: LFS object ${String(op.value?.oid)} was not uploaded`);
          tree.set(path, { content, lfs: true });
        } else if (op.key === 'deletedFile') {
          if (!tree.delete(path)) return hubError(404, `${path}: no such file to delete`, 'EntryNotFound');
        } else return hubError(400, `unknown operation ${String(op.key)}`);
      }
      received.push(...pending);
      const oid = addCommit(repo, branch, header.value.summary, tree);
      return {
        body: {
          success: true,
          commitOid: oid,
          commitUrl: `${server.url}/datasets/${params.owner}/${params.name}/commit/${oid}`,
          hookOutput: '',
        },
      };
    }),
  );

  server.route('GET', '/datasets/:owner/:name/resolve/:rev/*', (req, params) =>
    withRepo(req, params, (repo) => {
      const commit = resolveRevision(repo, decodeURIComponent(params.rev ?? ''));
      if (!commit) return hubError(404, `Invalid rev id: ${params.rev}`, 'RevisionNotFound');
      const file = commit.tree.get(params.rest ?? '');
      if (!file) return hubError(404, 'Entry not found', 'EntryNotFound');
      const etag = `"${file.lfs ? sha256(file.content) : gitBlobOid(file.content)}"`;
      const range = /^bytes=(\d+)-(\d+)?$/.exec(req.headers.range ?? '');
      const size = file.content.length;
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(range[2] === undefined ? size - 1 : Number(range[2]), size - 1);
        return {
          status: 206,
          headers: {
            'content-type': 'application/octet-stream',
            'content-range': `bytes ${start}-${end}/${size}`,
            etag,
          },
          body: file.content.subarray(start, end + 1),
        };
      }
      return { headers: { 'content-type': 'application/octet-stream', etag }, body: file.content };
    }),
  );

  const repoOf = (id: string): Repo => {
    const repo = repos.get(id);
    if (!repo) throw new Error(`hf-hub fake: no repo ${id}`);
    return repo;
  };

  return {
    ...server,
    createRepo(id, files = {}) {
      const repo: Repo = { branches: new Map(), commits: new Map() };
      repos.set(id, repo);
      return addCommit(
        repo,
        'main',
        'initial commit',
        toTree({ '.gitattributes': '*.parquet filter=lfs diff=lfs merge=lfs -text\n', ...files }),
      );
    },
    commitExternally(id, files, branch = 'main') {
      const repo = repoOf(id);
      const head = repo.branches.get(branch);
      const tree = new Map(head ? repo.commits.get(head)?.tree : []);
      for (const [path, file] of toTree(files)) tree.set(path, file);
      return addCommit(repo, branch, 'edited elsewhere', tree);
    },
    head: (id, branch = 'main') => repoOf(id).branches.get(branch),
    files(id, branch = 'main') {
      const repo = repoOf(id);
      const head = repo.branches.get(branch);
      const tree = head ? repo.commits.get(head)?.tree : undefined;
      return new Map([...(tree ?? new Map<string, StoredFile>())].map(([path, f]) => [path, f.content]));
    },
    commitCount: (id) => repoOf(id).commits.size,
    received: () => [...received],
    beforeNextCommit(fn) {
      commitHook = fn;
    },
  };
}
