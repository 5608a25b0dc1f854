// The options and cutpoint summary of a survival run, shared by the analysis
// (survival.ts) and its files (survivalOutputs.ts) so neither imports the other back.
import type { KmFigureInput } from '../plots/kmTypes.js';
import type { TimeUnit } from '../plots/timeUnits.js';
import type { CutpointResult } from '../survival/cutpoint.js';
import type { SplitRule } from '../survival/stratify.js';
import type { AnalysisOptions } from './analyseCohort.js';
import type { SurvivalInputOptions } from './survivalInput.js';

export interface SurvivalOptions extends SurvivalInputOptions, AnalysisOptions {
  split: SplitRule;
  splitText: string;
  minprop: number;
  /** Display unit of times in figures and texts (statistics stay in `timeIn`). */
  timeUnit: TimeUnit;
  /** Unit of the clinical table's times (--time-in; default days). */
  timeIn?: TimeUnit;
  endpoint?: string;
  figures?: FigureOptions;
  /** --roc-times: time-dependent AUC of the continuous value at these times (--time-in unit). */
  rocTimes?: number[];
  /** The times as the user wrote them (pancan.tsv `auc_<T>` column names; default String(t)). */
  rocTimeLabels?: string[];
}

/** How figures look (--ci, --max-time, --break-time, --title, --palette, --width/--height). */
export interface FigureOptions extends Pick<KmFigureInput, 'ci' | 'maxTime' | 'breakTime' | 'palette' | 'width' | 'height'> {
  /** KM title; `{cancer}` and `{endpoint}` are replaced (default: built from the run). */
  title?: string;
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
