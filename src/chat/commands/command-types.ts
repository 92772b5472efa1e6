/** What each command module gets and returns. Each command answers from the state alone. */
import type { RadarConfig } from '../../config/schema.ts';
import type { Clock } from '../../core/clock.ts';
import type { Stores } from '../../store/stores.ts';
import type { ChatMessage, ChatPlatform } from '../chat-adapter.ts';
import type { LabelRecorder } from '../label-events.ts';

export interface CommandRequest {
  platform: ChatPlatform;
  chatId: string;
  userId: string;
  args: string;
  at: string;
}

/** The stores the commands read. */
export type CommandStores = Pick<
  Stores,
  | 'papers'
  | 'labels'
  | 'summaries'
  | 'picks'
  | 'profiles'
  | 'trendReports'
  | 'benchmarks'
  | 'leaderboards'
  | 'modelAliases'
  | 'runs'
  | 'ledger'
  | 'cursors'
>;

export interface CommandDeps {
  stores: CommandStores;
  /** The state directory, for what is not a store: the lock and poller records, the search index files. */
  stateDir: string;
  config: RadarConfig;
  clock: Clock;
  labels: Pick<LabelRecorder, 'direct'>;
  /** Sends today's picks again to one chat as paper messages; returns how many were sent. */
  resendDigest(platform: ChatPlatform, chatId: string, date: string): Promise<number>;
}

export type Command = (deps: CommandDeps, request: CommandRequest) => Promise<ChatMessage>;

/** Today in the configured time zone. */
export function today(deps: Pick<CommandDeps, 'clock' | 'config'>): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: deps.config.schedule.timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(deps.clock.now());
}
