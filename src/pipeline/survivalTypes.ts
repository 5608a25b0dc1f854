// The options and cutpoint summary of a survival run, shared by the analysis
// (survival.ts) and its files (survivalOutputs.ts) so neither imports the other back.
import type { TimeUnit } from '../plots/timeUnits.js';
import type { CutpointResult } from '../survival/cutpoint.js';
import type { SplitRule } from '../survival/stratify.js';
import type { AnalysisOptions } from './analyseCohort.js';
import type { SurvivalInputOptions } from './survivalInput.js';

export interface SurvivalOptions extends SurvivalInputOptions, AnalysisOptions {
  split: SplitRule;
  splitText: string;
  minprop: number;
  timeUnit: TimeUnit;
  endpoint?: string;
}

export interface CutpointSummary {
  method: string;
  value: number | number[];
  statistic: number | null;
  p_adjusted: number | null;
  p_method: string | null;
  minprop: number | null;
  /** Every candidate cutpoint with its standardized statistic (optimal split only). */
  candidates?: CutpointResult['candidates'];
}
