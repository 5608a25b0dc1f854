// --roc-times in the report: a run's time-dependent ROC as the report shows it (every
// time with its AUC, interval, cases and controls, and why an AUC is null in words),
// and pancan.tsv's auc_<T> values per cancer for the pan-cancer table.
import type { ReportTimeRoc } from '../report/model.js';
import { formatDuration } from '../plots/timeUnits.js';
import { rocGapNote, type RunTimeRoc } from './rocOutputs.js';

export function reportTimeRoc(roc: RunTimeRoc): ReportTimeRoc {
  return {
    valueName: roc.valueName,
    n: roc.n,
    confLevel: roc.confLevel,
    rows: roc.at.map((a) => ({
      time: a.time, label: formatDuration(a.time, roc.timeIn),
      auc: a.auc, se: a.se, lower: a.lower, upper: a.upper, cases: a.cases, controls: a.controls,
      note: rocGapNote(a, roc),
    })),
  };
}

/** The --roc-times as the pan-cancer table heads them ("365 days"). */
export function aucTimeLabels(times: number[], timeIn: Parameters<typeof formatDuration>[1]): string[] {
  return times.map((t) => formatDuration(t, timeIn));
}

/** A cancer's AUC per time and why each missing one is missing (pancan.tsv's auc_<T>). */
export function aucOfRun(roc: RunTimeRoc | undefined): { auc: (number | null)[]; auc_notes: (string | null)[] } | Record<string, never> {
  if (!roc) return {};
  return { auc: roc.at.map((a) => a.auc), auc_notes: roc.at.map((a) => rocGapNote(a, roc)) };
}
