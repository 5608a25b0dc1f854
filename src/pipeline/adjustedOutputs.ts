// With --covariates: the group's hazard ratio adjusted for the covariates (the
// cox_adjusted model, Surv ~ group + covariates, complete cases) in every cancer, as a
// report table and a forest plot of its own (forest_adjusted).
import { forestFigure } from '../plots/forestFigure.js';
import type { AdjustedRow } from '../report/model.js';
import { benjaminiHochberg } from '../stats/multipleTesting.js';
import { renderFigure, type RenderedFigure } from './figureFiles.js';
import type { EndpointResult } from './pancan.js';

/** The adjusted group term per analysed cancer; FDR is Benjamini–Hochberg over its Wald p across cancers. */
export function adjustedRows(ep: EndpointResult): AdjustedRow[] {
  const rows = ep.results.map(({ cancer, run }): AdjustedRow => {
    const cox = run.analysis.cox_adjusted;
    const groupTerms = cox?.terms.filter((t) => t.term.startsWith('group=')) ?? [];
    // With 3+ groups, the top group's term (versus the first), as in the unadjusted forest.
    const top = `group=${run.analysis.groups.at(-1)?.group}`;
    const t = groupTerms.length === 1 ? groupTerms[0] : groupTerms.find((g) => g.term === top);
    const estimable = t !== undefined && !t.infinite && !t.aliased && Number.isFinite(t.hr);
    return {
      cancer, n: cox?.n ?? 0, events: cox?.events ?? 0,
      hr: estimable ? t.hr : null, lower: estimable ? t.hr_lower : null, upper: estimable ? t.hr_upper : null,
      p: t && Number.isFinite(t.p) ? t.p : null, fdr: null,
      ...(estimable ? {} : { note: t?.infinite ? 'not estimable (coefficient may be infinite)' : 'not estimable' }),
    };
  });
  const fdr = benjaminiHochberg(rows.map((r) => (r.hr === null ? NaN : r.p ?? NaN)));
  rows.forEach((r, i) => { r.fdr = Number.isNaN(fdr[i]) ? null : fdr[i]; });
  return rows;
}

export async function adjustedForest(rows: AdjustedRow[], endpoint: string, scoreName: string, covariates: string[], groups: [string, string], confLevel: number): Promise<RenderedFigure> {
  return renderFigure('forest_adjusted', `Hazard ratio adjusted for ${covariates.join(', ')} (${endpoint})`, forestFigure({
    rows: rows.map((r) => ({
      cancer: r.cancer, n: r.n, events: r.events,
      hr: r.hr ?? NaN, lower: r.lower ?? NaN, upper: r.upper ?? NaN, p: r.hr === null ? NaN : r.p ?? NaN, fdr: r.fdr,
    })),
    title: `${scoreName} score and ${endpoint}, adjusted for ${covariates.join(', ')}`,
    hrLabel: `Adjusted HR (${groups[1]} vs ${groups[0]} ${scoreName} score)`,
    confLevel,
  }), `Cox model Surv ~ group + ${covariates.join(' + ')} in each cancer (complete cases: n and events are those of the model); ` +
    `p: Wald test of the group term; FDR: Benjamini–Hochberg over those p-values across cancers.`);
}
