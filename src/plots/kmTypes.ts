// The input of the Kaplan–Meier figure: per-group survfit summaries (times in days),
// the log-rank test and the Cox hazard ratios of the annotation.

import type { TimeUnit } from './timeUnits.js';

export interface KmFigureGroup {
  name: string;
  n: number;
  events: number;
  // one entry per distinct time, ascending, as R summary(survfit, censored=TRUE):
  time: ArrayLike<number>;
  nRisk: ArrayLike<number>;
  nEvent: ArrayLike<number>;
  nCensor: ArrayLike<number>;
  surv: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number> /* NaN = NA */;
}

export interface KmFigureHazardRatio {
  label: string;
  hr: number;
  lower: number;
  upper: number;
  p: number;
  /** Why R could not estimate it (e.g. "no events in group low"): shown instead of the numbers. */
  note?: string | null;
}

export interface KmFigureInput {
  groups: KmFigureGroup[];
  timeUnit: TimeUnit; // input times are always in days; the axis shows this unit
  groupingLabel: string; // e.g. "migrasome-core score (median split)" or "rx"
  logrank: { chisq: number; df: number; p: number };
  hazardRatio?: KmFigureHazardRatio[]; // group Cox terms vs reference, e.g. label "high vs low"
  /** The cut was searched (optimal): maxstat's adjusted p is the headline, the log-rank p is marked naive. */
  cutpointSearch?: { pAdjusted: number; pMethod: string };
  title?: string;
  confLevel: number; // e.g. 0.95, for the legend/caption of the bands
}
