import { Counter, type Registry } from 'prom-client';
import type { TemplateName } from '#libs/email-templates';

/**
 * What became of each email, by template: sent (the SMTP server took it), failed (`transient`: it
 * is tried again; `bounced`: refused for good) or not sent at all (`suppressed`: the address
 * bounced before; `opted_out`: the person turned that kind of email off).
 */
export class EmailMetrics {
  private readonly sent: Counter<'template'>;
  private readonly failed: Counter<'template' | 'reason'>;
  private readonly suppressed: Counter<'template' | 'reason'>;

  constructor(registry: Registry | undefined) {
    const registers = registry ? [registry] : [];
    this.sent = new Counter({ name: 'emails_sent_total', help: 'Emails the SMTP server accepted, by template', labelNames: ['template'], registers });
    this.failed = new Counter({
      name: 'emails_failed_total',
      help: 'Emails the SMTP server did not take, by template: reason="transient" (tried again) or "bounced" (refused for good)',
      labelNames: ['template', 'reason'],
      registers,
    });
    this.suppressed = new Counter({
      name: 'emails_suppressed_total',
      help: 'Emails not sent, by template: reason="suppressed" (the address bounced before) or "opted_out" (the person turned that kind off)',
      labelNames: ['template', 'reason'],
      registers,
    });
  }

  onSent(template: TemplateName): void {
    this.sent.inc({ template });
  }

  onFailed(template: TemplateName, reason: 'transient' | 'bounced'): void {
    this.failed.inc({ template, reason });
  }

  onSuppressed(template: TemplateName, reason: 'suppressed' | 'opted_out'): void {
    this.suppressed.inc({ template, reason });
  }
}
