// Split and model flags shared by `survival` and `pancan`, and their parsed form.
import { Command, Option } from 'commander';
import type { AnalysisOptions } from '../pipeline/analyseCohort.js';
import type { FigureOptions } from '../pipeline/survivalTypes.js';
import type { TimeUnit } from '../plots/timeUnits.js';
import { parseSplitRule, type SplitRule } from '../survival/stratify.js';
import { addDisplayOptions, displayOptions, timeUnits } from './displayOptions.js';
import { list, numberIn, numberList, timeList } from './parsers.js';

export function addModelOptions(command: Command, per = ''): Command {
  return addDisplayOptions(command
    .option('--split <rule>', `median | quantiles:0.25,0.5,0.75 | extremes:q | cutoff:v | optimal${per}`, 'median')
    .option('--minprop <p>', 'optimal split: least proportion of patients in each group', numberIn('--minprop', 0, 0.5), 0.1)
    .option('--covariates <cols>', `adjust a Cox model for these columns${per} (comma-separated; text columns become factors)`, list)
    .addOption(new Option('--ties <method>', 'Cox tie handling').choices(['efron', 'breslow']).default('efron'))
    .addOption(new Option('--conf-type <type>', 'Kaplan–Meier confidence interval').choices(['log', 'log-log', 'plain']).default('log'))
    .option('--conf-level <level>', 'confidence level of intervals', numberIn('--conf-level', 0, 1), 0.95)
    .option('--times <t1,t2,...>', `report survival at these times, in the --time-in unit${per}`, numberList('--times'))
    .option('--roc-times <t1,t2,...>', `time-dependent ROC/AUC of the continuous value at these times, in the --time-in unit${per} (roc.tsv, figures)`, timeList('--roc-times'))
    .option('--rmst-tau <tau>', 'restricted mean survival time up to tau, in the --time-in unit', numberIn('--rmst-tau', 0, Infinity))
    .addOption(new Option('--rho <rho>', 'survdiff rho: 0 log-rank, 1 Peto–Peto').choices(['0', '1']).default('0'))
    .option('--sample-types <codes>', 'TCGA sample types kept when matching samples (default 01–09, tumours)', list));
}

export interface ModelOptions extends AnalysisOptions {
  split: SplitRule;
  splitText: string;
  minprop: number;
  covariates: string[];
  sampleTypes?: string[];
  timeUnit: TimeUnit;
  timeIn: TimeUnit;
  figures: FigureOptions;
  rocTimes?: number[];
  rocTimeLabels?: string[];
}

export function modelOptions(o: Record<string, any>): ModelOptions {
  return {
    split: parseSplitRule(o.split),
    splitText: o.split,
    minprop: o.minprop,
    covariates: o.covariates ?? [],
    sampleTypes: o.sampleTypes,
    confType: o.confType,
    confLevel: o.confLevel,
    ties: o.ties,
    times: o.times,
    rmstTau: o.rmstTau,
    ...(o.rocTimes ? { rocTimes: o.rocTimes.times, rocTimeLabels: o.rocTimes.labels } : {}),
    rho: Number(o.rho),
    ...timeUnits(o),
    figures: displayOptions(o),
  };
}
