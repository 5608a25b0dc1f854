// The input of the Kaplan–Meier figure: per-group survfit summaries (times in the
// clinical table's unit), the log-rank test and the Cox hazard ratios of the annotation,
// and the survminer-like presentation options.

import type { PaletteName } from './palette.js';
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

/** Confidence bands: always, never, or 'auto' (for up to two groups, as a reader can still tell them apart). */
export type KmConfidenceBands = 'auto' | 'on' | 'off';

export interface KmFigureInput {
  groups: KmFigureGroup[];
  timeUnit: TimeUnit; // the unit the axis, ticks and risk table show
  inputUnit?: TimeUnit; // the unit of the groups' times (default days)
  groupingLabel: string; // e.g. "migrasome-core score (median split)" or "rx"
  logrank: { chisq: number; df: number; p: number };
  hazardRatio?: KmFigureHazardRatio[]; // group Cox terms vs reference, e.g. label "high vs low"
  /** The cut was searched (optimal): maxstat's adjusted p is the headline, the log-rank p is marked naive. */
  cutpointSearch?: { pAdjusted: number; pMethod: string };
  title?: string;
  subtitle?: string;
  confLevel: number; // e.g. 0.95, for the legend/caption of the bands
  ci?: KmConfidenceBands; // default 'auto'
  maxTime?: number; // end of the time axis, in inputUnit (survminer xlim); default: the last time
  breakTime?: number; // tick step, in inputUnit (survminer break.time.by); default: round steps
  palette?: PaletteName; // group colours (default: colour-blind-safe Okabe–Ito)
  width?: number; // plot-area width in px (default 640; the risk table shares it)
  height?: number; // plot-area height in px (default 400)
}
