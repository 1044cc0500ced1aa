import type { QueueBackend } from '#libs/config';
import type { Stages } from './pipeline.js';
import { AIM } from './settings.js';
import type { Latency } from './stats.js';

export interface Figures {
  eventsPerSecond: number;
  latency: Latency;
}

export interface PipelineFigures extends Figures {
  stages: Stages;
  backlogPerSecond: number;
}

export interface BackendFigures {
  backend: QueueBackend;
  raw: Figures;
  pipeline: PipelineFigures;
}

const count = (value: number) => Math.round(value).toLocaleString('en-GB');
const ms = (value: number) => `${value.toFixed(1)} ms`;
const percent = (value: number) => `${Math.round(value * 100)}%`;

function row(label: string, ...figures: string[]): string {
  return [label.padEnd(12), ...figures.map((figure, i) => figure.padStart(i === 0 ? 10 : 13))].join(' ');
}

export function report(raw: Figures, pipeline: PipelineFigures, steadyRate: number): string {
  const ratio = pipeline.eventsPerSecond / raw.eventsPerSecond;
  const { stages } = pipeline;
  return [
    row('', 'events/s', 'of raw', `p50 @${steadyRate}/s`, `p99 @${steadyRate}/s`),
    row('raw BullMQ', count(raw.eventsPerSecond), percent(1), ms(raw.latency.p50), ms(raw.latency.p99)),
    row('pipeline', count(pipeline.eventsPerSecond), percent(ratio), ms(pipeline.latency.p50), ms(pipeline.latency.p99)),
    '',
    `Ratio pipeline/raw: ${ratio.toFixed(2)}`,
    '',
    'Where the pipeline run spent its time:',
    `  commands committed ${count(stages.commitsPerSecond)} events/s (first commit to last);`,
    `  median ${ms(stages.toRelayMs)} from commit to the relay's claim, ${ms(stages.toHandledMs)} from claim to handled.`,
    `  relay + consumer alone, draining a backlog inserted straight into the outbox: ${count(pipeline.backlogPerSecond)} events/s` +
      ` (${percent(pipeline.backlogPerSecond / raw.eventsPerSecond)} of raw).`,
    '',
    `Aim (pipeline at ${percent(AIM)} or more of raw BullMQ): ${ratio >= AIM ? 'MET' : 'NOT MET'} (${percent(ratio)}).`,
  ].join('\n');
}

/** The same figures side by side for each queue backend, all measured in this run. */
export function compareBackends(measured: readonly BackendFigures[], steadyRate: number): string {
  const column = (figure: (m: BackendFigures) => string) => measured.map(figure);
  return [
    'The queue backends side by side (this run):',
    row('', ...column((m) => m.backend)),
    row('raw jobs/s', ...column((m) => count(m.raw.eventsPerSecond))),
    row('pipeline/s', ...column((m) => count(m.pipeline.eventsPerSecond))),
    row('of raw', ...column((m) => percent(m.pipeline.eventsPerSecond / m.raw.eventsPerSecond))),
    row(`p99 @${steadyRate}/s`, ...column((m) => ms(m.pipeline.latency.p99))),
    row('backlog/s', ...column((m) => count(m.pipeline.backlogPerSecond))),
  ].join('\n');
}
