import { AIM } from './settings.js';
import type { Latency } from './stats.js';

export interface Figures {
  eventsPerSecond: number;
  latency: Latency;
}

const count = (value: number) => Math.round(value).toLocaleString('en-GB');
const ms = (value: number) => `${value.toFixed(1)} ms`;
const percent = (value: number) => `${Math.round(value * 100)}%`;

function row(cells: string[]): string {
  const [label, ...figures] = cells;
  return [label!.padEnd(12), ...figures.map((figure, i) => figure.padStart(i === 0 ? 10 : 13))].join(' ');
}

export function printTable(raw: Figures, pipeline: Figures, steadyRate: number): void {
  const ratio = pipeline.eventsPerSecond / raw.eventsPerSecond;
  const lines = [
    row(['', 'events/s', 'of raw', `p50 @${steadyRate}/s`, `p99 @${steadyRate}/s`]),
    row(['raw BullMQ', count(raw.eventsPerSecond), percent(1), ms(raw.latency.p50), ms(raw.latency.p99)]),
    row(['pipeline', count(pipeline.eventsPerSecond), percent(ratio), ms(pipeline.latency.p50), ms(pipeline.latency.p99)]),
    '',
    `Ratio pipeline/raw: ${ratio.toFixed(2)}`,
    `Aim (pipeline at ${percent(AIM)} or more of raw BullMQ): ${ratio >= AIM ? 'MET' : 'NOT MET'} (${percent(ratio)})`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
}
