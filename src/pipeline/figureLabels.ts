// What a figure shows, in words for its title and subtitle: cancer, endpoint, score
// method and gene set, cut rule. A figure read alone (in a slide, a supplement) must
// still say what it is.
import { basename } from 'node:path';
import type { SplitRule } from '../survival/stratify.js';
import type { FigureOptions } from './survivalTypes.js';

/** TCGA-CDR endpoints in words. */
export const ENDPOINT_NAMES: Record<string, string> = {
  OS: 'Overall survival',
  DSS: 'Disease-specific survival',
  DFI: 'Disease-free interval',
  PFI: 'Progression-free interval',
};

/** Score methods as papers write them. */
export const METHOD_NAMES: Record<string, string> = {
  ssgsea: 'ssGSEA',
  gsva: 'GSVA',
  zscore: 'z-score',
  plage: 'PLAGE',
  singscore: 'singscore',
  mean: 'mean expression',
  meanz: 'mean z-score',
};

/** "Overall survival (OS)", or the time and event columns when no TCGA endpoint was named. */
export function endpointText(endpoint: string | undefined, time: string, event: string): string {
  if (endpoint) return ENDPOINT_NAMES[endpoint] ? `${ENDPOINT_NAMES[endpoint]} (${endpoint})` : endpoint;
  return `Survival (${time}, ${event})`;
}

/** "migrasome-core score (ssGSEA)". */
export function scoreText(set: string, method: string): string {
  return `${set} score (${METHOD_NAMES[method] ?? method})`;
}

/** The cut rule in words: "median split", "optimal cutpoint (maxstat, data-driven)", … */
export function cutText(rule: SplitRule): string {
  switch (rule.kind) {
    case 'median': return 'median split';
    case 'quantiles': return `split at quantiles ${rule.probs.join(', ')}`;
    case 'extremes': return `bottom ${+(rule.q * 100).toPrecision(3)}% vs top ${+(rule.q * 100).toPrecision(3)}%`;
    case 'cutoff': return `cut at ${rule.value}`;
    case 'optimal': return 'optimal cutpoint (maxstat, data-driven)';
  }
}

export interface KmSubject {
  cancer?: string;
  endpoint?: string;
  time: string;
  event: string;
  /** What was split or grouped. */
  grouping:
    | { kind: 'group'; column: string }
    | { kind: 'value'; column: string }
    | { kind: 'scores'; file: string; column: string }
    | { kind: 'expr'; set: string; method: string };
  split: SplitRule;
}

/** What was split, in words: "migrasome-core score (ssGSEA)", "age", "core (from scores.tsv)". */
function splitValueText(g: KmSubject['grouping']): string {
  return g.kind === 'expr' ? scoreText(g.set, g.method) : g.kind === 'scores' ? `${g.column} (from ${basename(g.file)})` : g.column;
}

/** Title "BRCA · Overall survival (OS)" and subtitle "migrasome-core score (ssGSEA), median split"; --title replaces the title. */
export function kmTitles(s: KmSubject, figures?: FigureOptions): { title: string; subtitle: string } {
  const endpoint = endpointText(s.endpoint, s.time, s.event);
  const fallback = s.cancer ? `${s.cancer} \u00b7 ${endpoint}` : endpoint;
  const title = figures?.title !== undefined
    ? figures.title.replace(/\{cancer\}/g, s.cancer ?? '').replace(/\{endpoint\}/g, s.endpoint ?? endpoint)
    : fallback;
  const subtitle = s.grouping.kind === 'group' ? `Grouped by ${s.grouping.column}` : `${splitValueText(s.grouping)}, ${cutText(s.split)}`;
  return { title, subtitle };
}

/** Title "BRCA · Overall survival (OS): optimal cutpoint", subtitle naming what was cut and how. */
export function cutpointTitles(s: KmSubject): { title: string; subtitle: string } {
  const endpoint = endpointText(s.endpoint, s.time, s.event);
  return {
    title: `${s.cancer ? `${s.cancer} \u00b7 ` : ''}${endpoint}: optimal cutpoint`,
    subtitle: `${splitValueText(s.grouping)}, maxstat log-rank cutpoint search`,
  };
}
