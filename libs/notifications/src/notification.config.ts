import { IsBoolean, IsEmail, IsInt, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { SetInProduction, TextBoolean } from '#libs/config';
import { WorkerConfig } from '#libs/event-consumer';
import { DEVELOPMENT_LINK_SECRET, LinkSecret } from '#libs/mail-contract';

const DEVELOPMENT_SMTP_URL = 'smtp://127.0.0.1:1025';

/** Settings of the notification worker: where mail goes, who it is from, where its links point. */
export class NotificationConfig extends WorkerConfig {
  /** smtp:// or smtps:// with optional user:password; the default is the local mail catcher of `npm start`. */
  @Matches(/^smtps?:\/\/[^/\s]+(\/.*)?$/, { message: 'must be an smtp:// or smtps:// URL' })
  @SetInProduction(DEVELOPMENT_SMTP_URL)
  SMTP_URL: string = DEVELOPMENT_SMTP_URL;

  /** Port of the notification worker's Prometheus metrics (GET /metrics); 0 serves none. */
  @IsInt()
  @Min(0)
  @Max(65535)
  NOTIFICATION_WORKER_METRICS_PORT: number = 9467;

  /**
   * SMTP connections one worker process keeps open at most, however many messages are sent at
   * once: the rest wait for a free one. A `maxConnections` in SMTP_URL wins over it.
   */
  @IsInt()
  @Min(1)
  @Max(100)
  SMTP_MAX_CONNECTIONS: number = 10;

  @IsEmail()
  MAIL_FROM: string = 'no-reply@teaching-partnerships.example.org';

  @IsString()
  MAIL_FROM_NAME: string = 'Teaching Partnership Marketplace';

  /** Where people reach the product's pages (the web): links in emails start with it. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL: string = 'http://127.0.0.1:8080';

  @LinkSecret()
  LINK_SECRET: string = DEVELOPMENT_LINK_SECRET;

  /** Subscriptions one digest job handles; a run streams subscribers into jobs of this size. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  DIGEST_BATCH_SIZE: number = 500;

  /**
   * Messages of one digest batch sent at once. A batch waits on the SMTP server, not on the CPU;
   * with WORKER_CONCURRENCY batches at once, a process has up to their product waiting for one of
   * its SMTP_MAX_CONNECTIONS.
   */
  @IsInt()
  @Min(1)
  @Max(100)
  DIGEST_SEND_CONCURRENCY: number = 10;

  /**
   * How long a message the SMTP server took waits to be marked sent with those taken after it. One
   * UPDATE (and commit) for many saves PostgreSQL and the worker a quarter of a digest's CPU; the
   * price is the window in which a worker that dies sends a message again: this long and one UPDATE.
   */
  @IsInt()
  @Min(0)
  @Max(1000)
  SENT_MARK_DELAY_MS: number = 25;

  /** "Recommended for you" emails one practitioner gets in seven days at most; the rest wait in the product. */
  @IsInt()
  @Min(0)
  @Max(100)
  RECOMMENDATION_EMAILS_PER_WEEK: number = 3;

  /** A digest leaves out opportunities published in the last this many seconds: their commits may still be landing out of order. */
  @IsInt()
  @Min(0)
  @Max(3600)
  DIGEST_QUIET_SECONDS: number = 60;

  /** Whether this worker registers the daily and weekly digest schedules (any number may: it is idempotent). */
  @TextBoolean()
  @IsBoolean()
  DIGEST_SCHEDULES: boolean = true;

  /** How often the schedules are registered again: a Redis that lost its data has lost them too. */
  @IsInt()
  @Min(100)
  DIGEST_SCHEDULES_CHECK_MS: number = 300_000;
}
