import type { LoginRateLimiter } from './auth/rate-limit';
import type { DatabaseHandle } from './db/dialects/dialect';
import type { DefinitionCache } from './engine/definition-cache';
import type { WorkflowPort } from './engine/port';
import type { Logger } from './errors';
import type { NotificationChannel } from './notifications/channels/channel';
import type { Clock } from './util/clock';

/** Everything the app needs from outside; tests pass their own clock and database. */
export interface AppDeps {
  database: DatabaseHandle;
  clock: Clock;
  /** The pure workflow engine, behind the port the server codes against. */
  engine: WorkflowPort;
  /** Parsed published definitions, shared by the routes and the timer worker. */
  definitions: DefinitionCache;
  log: Logger;
  loginLimiter: LoginRateLimiter;
  /** Mark cookies Secure (behind HTTPS). Off for plain-HTTP local use and tests. */
  secureCookies: boolean;
  /** Largest accepted JSON body, in bytes. */
  bodyLimitBytes: number;
  /** Largest accepted attachment, in bytes. */
  attachmentLimitBytes: number;
  /** Built studio to serve at `/`, if present. */
  studioDir: string | null;
  /** Session lifetime in milliseconds. */
  sessionTtlMs: number;
  /** Outbound notification channels (SMS, WeChat gateways); none when absent. */
  notificationChannels?: readonly NotificationChannel[];
}
