/**
 * The in-memory twin of the runs store (src/store/runs-store.ts): manifests and event logs per
 * run id, listed most recent first (run ids sort by their start time), a run with events but no
 * manifest listed with its problem, as a run directory without manifest.json is.
 */
import { errorMessage } from '../../core/errors.ts';
import { RunEvent, type RunListEntry, RunManifest, type RunsStore } from '../runs-store.ts';
import { createJsonCell, createRowsByKey, type JsonCell } from './json-cell.ts';

export function createMemoryRunsStore(): RunsStore {
  const manifests = new Map<string, JsonCell<RunManifest>>();
  const events = createRowsByKey((runId) => `runs/${runId}/events.jsonl`, RunEvent);
  const read = (runId: string): RunManifest | undefined => manifests.get(runId)?.read();
  const listEntries = (limit = 20): RunListEntry[] => {
    const names = [...new Set([...manifests.keys(), ...events.keys()])].filter((n) => !n.startsWith('.'));
    return names
      .sort()
      .reverse()
      .slice(0, limit)
      .map((runId): RunListEntry => {
        try {
          const manifest = read(runId);
          return manifest ? { runId, manifest } : { runId, problem: 'no manifest.json' };
        } catch (error) {
          return { runId, problem: errorMessage(error) };
        }
      });
  };
  return {
    read: async (runId) => read(runId),
    async write(manifest) {
      const cell =
        manifests.get(manifest.runId) ?? createJsonCell(`runs/${manifest.runId}/manifest.json`, RunManifest);
      cell.write(manifest);
      manifests.set(manifest.runId, cell);
    },
    events: async (runId) => events.get(runId).read(),
    appendEvents: async (runId, rows) => events.get(runId).append(rows),
    list: async (limit) => listEntries(limit).flatMap((e) => (e.manifest ? [e.manifest] : [])),
    listEntries: async (limit) => listEntries(limit),
  };
}
