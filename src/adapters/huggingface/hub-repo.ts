/**
 * The state's backup repository on the Hugging Face Hub through the official client: the
 * branch's head (commits listing), the tree, a commit (preupload, LFS batch and uploads, then the
 * NDJSON commit, with the parent commit as a precondition) and downloads (resolve).
 */
import { commitIter, downloadFile, listCommits, listFiles } from '@huggingface/hub';
import type { Logger } from '../../log/logger.ts';
import type { CommitRequest, RemoteEntry, RemoteRepo } from '../../sync/sync-ports.ts';
import type { SyncTarget } from '../../sync/sync-target.ts';
import { hubError } from './hub-errors.ts';
import { createHubFetch, type HubFetchOptions } from './hub-fetch.ts';

export interface HubRepoOptions extends Omit<HubFetchOptions, 'logger'> {
  logger?: Logger;
}

export function createHubRepo(target: SyncTarget, options: HubRepoOptions = {}): RemoteRepo {
  const fetch = createHubFetch(options);
  const repo = { type: 'dataset' as const, name: target.repo };
  const common = { repo, hubUrl: target.endpoint, accessToken: target.token, fetch };
  const guard = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw hubError(error, { operation, ...target });
    }
  };
  return {
    name: target.repo,
    branch: target.branch,
    head: () =>
      guard('reading the branch head', async () => {
        for await (const commit of listCommits({ ...common, revision: target.branch, batchSize: 1 }))
          return commit.oid;
        return undefined;
      }),
    list: (revision) =>
      guard('listing the remote files', async () => {
        const entries: RemoteEntry[] = [];
        for await (const entry of listFiles({ ...common, revision, recursive: true })) {
          if (entry.type !== 'file') continue;
          entries.push({
            path: entry.path,
            size: entry.lfs?.size ?? entry.size,
            gitOid: entry.oid ?? '',
            lfsSha256: entry.lfs?.oid,
          });
        }
        return entries.sort((a, b) => (a.path < b.path ? -1 : 1));
      }),
    commit: (request: CommitRequest) =>
      guard('committing', async () => {
        const iterator = commitIter({
          ...common,
          branch: target.branch,
          title: request.title,
          ...(request.parentCommit !== undefined ? { parentCommit: request.parentCommit } : {}),
          operations: request.files.map((f) => ({
            operation: 'addOrUpdate' as const,
            path: f.path,
            content: f.content,
          })),
          ...(options.signal ? { abortSignal: options.signal } : {}),
        });
        const uploaded = new Set<string>();
        let step = await iterator.next();
        while (!step.done) {
          const event = step.value;
          if (
            event.event === 'fileProgress' &&
            event.state === 'uploading' &&
            event.progress >= 1 &&
            !uploaded.has(event.path)
          ) {
            uploaded.add(event.path);
            request.onUploaded?.(event.path);
          }
          step = await iterator.next();
        }
        const oid = step.value?.commit.oid;
        if (typeof oid !== 'string' || oid === '')
          throw new SyntaxError('the commit answer carries no commitOid');
        for (const f of request.files) if (!uploaded.has(f.path)) request.onUploaded?.(f.path);
        return oid;
      }),
    async download(path, revision) {
      const blob = await guard(`downloading ${path}`, async () => {
        const found = await downloadFile({ ...common, path, revision });
        if (found === null) throw new SyntaxError(`${path} is listed but cannot be downloaded`);
        return found;
      });
      // The body arrives after the answer: a failure while it streams is mapped here too.
      const stream = blob.stream() as unknown as AsyncIterable<Uint8Array>;
      return (async function* () {
        try {
          yield* stream;
        } catch (error) {
          throw hubError(error, { operation: `downloading ${path}`, ...target });
        }
      })();
    },
  };
}
