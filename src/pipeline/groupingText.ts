// Names the grouping of a survival run for messages ("only one group remains of …"):
// the --group column and its values, or the value/score that was split, the rule,
// the cut and the range of values, so the user sees at once why groups collapsed.
import { formatSignificant } from '../format/numbers.js';
import { printable } from '../io/fileKind.js';
import type { GroupingSource } from './survivalInput.js';

const fmt = (x: number) => formatSignificant(x, 4);
const quote = (s: string) => `"${printable(s)}"`;

/**
 * The grouping as a phrase: `--group column "stage" (3 rows without time or event, 2
 * without a value left out)` or the split value with its rule, cut and range.
 */
export function describeGrouping(
  source: GroupingSource | undefined,
  data: { categories: (string | null)[] | null; values: Float64Array | null; valueName: string | null; dropped?: { missing_survival: number; missing_group: number } },
  split?: { rule: string; cutpoints: number[] },
): string {
  const d = data.dropped;
  const left = d && d.missing_survival + d.missing_group > 0
    ? `; left out before: ${d.missing_survival} row${d.missing_survival === 1 ? '' : 's'} without time or event, ${d.missing_group} without a ${data.categories ? 'group' : 'value'}`
    : '';
  if (data.categories) {
    const column = source?.kind === 'group' ? `--group column ${quote(source.column)}` : 'the grouping column';
    return left ? `${column} (${left.slice(2)})` : column;
  }
  const name = data.valueName ?? 'the value';
  const what = source?.kind === 'value' ? `--value column ${quote(name)}`
    : source?.kind === 'scores' ? `score column ${quote(name)} of ${source.file}`
    : source?.kind === 'expr' ? `the ${quote(name)} score` : quote(name);
  const v = data.values ? Array.from(data.values).filter((x) => !Number.isNaN(x)) : [];
  let range = '';
  if (v.length > 0) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of v) { if (x < lo) lo = x; if (x > hi) hi = x; }
    const distinct = new Set(v).size;
    range = lo === hi ? `all ${v.length} values equal ${fmt(lo)}` : `${v.length} values from ${fmt(lo)} to ${fmt(hi)}, ${distinct} distinct`;
  }
  const cut = split && split.cutpoints.length ? ` at ${split.cutpoints.map(fmt).join(', ')}` : '';
  return `${what}${split ? ` split by ${split.rule}${cut}` : ''}${range || left ? ` (${range || 'no values'}${left})` : ''}`;
}
