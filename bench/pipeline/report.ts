import type { QueueBackend } from '#libs/config';
import type { CpuPerEvent } from './cpu.js';
import { AIM, LATENCY_AIM_MS } from './settings.js';
import type { Latency } from './stats.js';
import type { Stages } from './timings.js';

export interface Figures {
  eventsPerSecond: number;
  latency: Latency;
  /** Over the throughput run. */
  cpu: CpuPerEvent;
}

export interface PipelineFigures extends Figures {
  stages: Stages;
  backlogPerSecond: number;
}

export interface BackendFigures {
  backend: QueueBackend;
  raw: Figures;
  bare: PipelineFigures;
  pipeline: PipelineFigures;
  /** Each round's pipeline events/s ÷ the bare twin's in the same round. */
  roundShares: number[];
}

const count = (value: number) => Math.round(value).toLocaleString('en-GB');
const ms = (value: number) => `${value.toFixed(1)} ms`;
const cpu = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2));
const percent = (value: number) => `${Math.round(value * 100)}%`;
const totalCpu = ({ node, postgres, redis }: CpuPerEvent) => node + postgres + (redis ?? 0);

function row(label: string, ...figures: string[]): string {
  return [label.padEnd(12), ...figures.map((figure) => figure.padStart(10))].join(' ');
}

function stagesOf(what: string, figures: PipelineFigures, bare: PipelineFigures): string[] {
  const { stages } = figures;
  return [
    `${what}: commands committed ${count(stages.commitsPerSecond)} events/s (first commit to last);`,
    `  median ${ms(stages.toRelayMs)} from commit to the relay's claim, ${ms(stages.toHandledMs)} from claim to handled;`,
    `  relay + consumer alone, draining a backlog inserted straight into the outbox: ${count(figures.backlogPerSecond)} events/s` +
      ` (${percent(figures.backlogPerSecond / bare.backlogPerSecond)} of the bare twin's).`,
  ];
}

/**
 * The median of the rounds' shares: a round's two sides run back to back, so a machine that is
 * slower for a while weighs on both sides of the ratio, as in the API and web benchmarks.
 */
const medianShare = (shares: readonly number[]) => [...shares].sort((x, y) => x - y)[Math.floor(shares.length / 2)]!;

export function report({ backend, raw, bare, pipeline, roundShares }: BackendFigures, steadyRate: number): string {
  const share = medianShare(roundShares);
  const p99 = pipeline.latency.p99;
  const line = (label: string, figures: Figures) => {
    const { node, postgres, redis } = figures.cpu;
    return row(
      label,
      count(figures.eventsPerSecond),
      percent(figures.eventsPerSecond / bare.eventsPerSecond),
      ms(figures.latency.p50),
      ms(figures.latency.p99),
      cpu(node),
      cpu(postgres),
      cpu(redis),
      cpu(totalCpu(figures.cpu)),
    );
  };
  return [
    row('', '', '', '', '', 'CPU ms an event (throughput run)'.padStart(10)),
    row('', 'events/s', 'of bare', `p50 @${steadyRate}/s`, `p99 @${steadyRate}/s`, 'Node', 'PostgreSQL', 'Redis', 'total'),
    line('raw BullMQ', raw),
    line('bare twin', bare),
    line('pipeline', pipeline),
    '',
    'Where the time went:',
    ...stagesOf('bare twin', bare, bare),
    ...stagesOf('pipeline', pipeline, bare),
    '',
    `pipeline as a share of the bare twin, queues on ${backend}, median of ${roundShares.length} rounds: ${percent(share)} (aim: ${percent(AIM)} or more): ${share >= AIM ? 'met' : 'NOT MET'}`,
    `  round by round: ${roundShares.map(percent).join(', ')}; each side's median round: ${percent(pipeline.eventsPerSecond / bare.eventsPerSecond)}`,
    // Steadier than events/s on a shared machine: it counts only what each side's processes did.
    `  by CPU an event (the bare twin's total ÷ the pipeline's): ${percent(totalCpu(bare.cpu) / totalCpu(pipeline.cpu))}`,
    // Beside raw BullMQ's p99 on the same backend, which a pipeline on top of it cannot beat, and the twin's.
    `pipeline p99 commit→handled at ${steadyRate}/s, queues on ${backend}: ${ms(p99)} (aim: under ${LATENCY_AIM_MS} ms; raw BullMQ ${ms(raw.latency.p99)}, bare twin ${ms(bare.latency.p99)}): ${p99 < LATENCY_AIM_MS ? 'met' : 'NOT MET'}`,
  ].join('\n');
}

/** The same figures side by side for each queue backend, all measured in this run. */
export function compareBackends(measured: readonly BackendFigures[], steadyRate: number): string {
  const column = (figure: (m: BackendFigures) => string) => measured.map(figure);
  const total = (figures: CpuPerEvent) => cpu(totalCpu(figures));
  return [
    'The queue backends side by side (this run):',
    row('', ...column((m) => m.backend)),
    row('raw jobs/s', ...column((m) => count(m.raw.eventsPerSecond))),
    row('bare/s', ...column((m) => count(m.bare.eventsPerSecond))),
    row('pipeline/s', ...column((m) => count(m.pipeline.eventsPerSecond))),
    row('of bare', ...column((m) => percent(medianShare(m.roundShares)))),
    row(`p99 @${steadyRate}/s`, ...column((m) => ms(m.pipeline.latency.p99))),
    row('CPU ms bare', ...column((m) => total(m.bare.cpu))),
    row('CPU ms pipe', ...column((m) => total(m.pipeline.cpu))),
    row('backlog/s', ...column((m) => count(m.pipeline.backlogPerSecond))),
  ].join('\n');
}
