/**
 * Writes what one case leaves in its directory: io files, metrics, the case manifest, events and
 * the error artifact. An io file that cannot be written is recorded as an
 * `artifact_write_failed` event and the case goes on: its decision is still in metrics.json.
 */
import type { CaseError, CaseEvent, CaseEventStatus, CaseManifest } from '../run-layout/schemas.ts';
import type { GenerationCaseMetrics } from './run-schemas.ts';

/** The part of the eval run store a case writes through. */
export interface CaseWriter {
  writeCaseIo(runId: string, caseId: string, name: string, content: string): Promise<void>;
  writeCaseMetrics(runId: string, caseId: string, metrics: GenerationCaseMetrics): Promise<void>;
  writeCaseManifest(manifest: CaseManifest): Promise<void>;
  appendCaseEvents(runId: string, caseId: string, events: readonly CaseEvent[]): Promise<void>;
  writeCaseError(error: CaseError): Promise<void>;
}

export type JsonData = Record<string, string | number | boolean | null>;

export interface CaseRecorder {
  event(
    stage: string,
    status: CaseEventStatus,
    startedMs: number,
    message?: string,
    data?: JsonData,
  ): Promise<void>;
  io(name: string, content: string): Promise<void>;
  /** The io files written so far. */
  files(): string[];
}

export function createCaseRecorder(
  writer: CaseWriter,
  ids: { runId: string; caseId: string },
  nowMs: () => number,
): CaseRecorder {
  const written: string[] = [];
  const recorder: CaseRecorder = {
    async event(stage, status, startedMs, message, data) {
      const now = nowMs();
      await writer.appendCaseEvents(ids.runId, ids.caseId, [
        {
          run_id: ids.runId,
          case_id: ids.caseId,
          stage,
          status,
          started_ms: startedMs,
          ended_ms: now,
          recorded_ms: now,
          ...(message !== undefined ? { message } : {}),
          ...(data !== undefined ? { data } : {}),
        },
      ]);
    },
    async io(name, content) {
      const started = nowMs();
      try {
        await writer.writeCaseIo(ids.runId, ids.caseId, name, content);
        written.push(name);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await recorder.event('artifact_write_failed', 'failed', started, `${name}: ${message}`);
      }
    },
    files: () => [...written],
  };
  return recorder;
}
