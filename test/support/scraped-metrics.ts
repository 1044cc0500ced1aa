/** One scrape of a process's Prometheus metrics, to read samples from by name and labels. */
export class ScrapedMetrics {
  private constructor(readonly text: string) {}

  static async from(url: string): Promise<ScrapedMetrics> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    return new ScrapedMetrics(await response.text());
  }

  /** The sample `name` whose labels include `labels`; undefined when there is none. */
  value(name: string, labels: Record<string, string> = {}): number | undefined {
    for (const line of this.text.split('\n')) {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match || match[1] !== name) continue;
      const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
      if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
    }
    return undefined;
  }

  /** Whether the scrape describes `name` (its HELP line), with or without samples. */
  describes(name: string): boolean {
    return this.text.includes(`# HELP ${name} `);
  }
}
