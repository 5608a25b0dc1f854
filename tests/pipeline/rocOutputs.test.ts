// The --roc-times outputs built from a ROC result: pancan.tsv column names as the times
// were written, roc.tsv rows, and the reasons a time has no AUC.
import { describe, expect, it } from 'vitest';
import { rocTable, timeRocEntries, type RunTimeRoc } from '../../src/pipeline/rocOutputs.js';
import { aucColumns } from '../../src/pipeline/pancanOutputs.js';
import { timeDependentRoc } from '../../src/survival/timeRoc.js';
import { timeList } from '../../src/cli/parsers.js';

describe('--roc-times outputs', () => {
  it('names pancan.tsv columns after the times as written', () => {
    const parsed = timeList('--roc-times')(' 365, 1095.0,1.5e3 ');
    expect(parsed.times).toEqual([365, 1095, 1500]);
    expect(aucColumns({ rocTimes: parsed.times, rocTimeLabels: parsed.labels })).toEqual(['auc_365', 'auc_1095.0', 'auc_1.5e3']);
    expect(aucColumns({})).toEqual([]);
  });

  it('writes roc.tsv rows only for times with an AUC, and says why the others have none', () => {
    const roc: RunTimeRoc = { ...timeDependentRoc([2, 3, 4, 5], [1, 0, 1, 0], [1, 2, 3, 2], [1, 3, 5]), valueName: 'score', timeIn: 'months' };
    expect(rocTable(roc)).toBe('time\tthreshold\ttpr\tfpr\n3\t3\t0\t0\n3\t2\t0\t0.5\n3\t1\t0\t1\n3\t-Inf\t1\t1\n');
    const entries = timeRocEntries(roc);
    expect(entries.map((e) => e.note)).toEqual([
      'no cases: no event at or before 1 months (the first event is at 2 months)',
      undefined,
      'no controls: 5 months is at or beyond the end of follow-up (last observed time 5 months), no patient is followed past it',
    ]);
    expect(entries[1]).toMatchObject({ time: 3, auc: 0, cases: 1, controls: 2 });
  });
});
