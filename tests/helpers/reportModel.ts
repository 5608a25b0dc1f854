// Building blocks of the report models the report tests feed to buildReportHtml.
import type { GeneReport, GeneSetReport } from '../../src/genes/resolve.js';
import type { ReportModel } from '../../src/report/model.js';

/**
 * A report model with the run details every report test shares (timestamp, version);
 * `parts` gives the rest.
 */
export function reportModel(parts: Omit<ReportModel, 'generatedAt' | 'version'> & Partial<ReportModel>): ReportModel {
  return { generatedAt: '2025-03-14T09:26:53.000Z', version: '0.1.0', ...parts };
}

/**
 * A gene set's matching report with its counts read off its genes: size, distinct rows
 * found, and the missing, ambiguous and duplicate genes.
 */
export function geneSetReport(set: string, source: string, genes: GeneReport[]): GeneSetReport {
  const named = (keep: (g: GeneReport) => boolean) => genes.filter(keep).map((g) => g.gene);
  return {
    set,
    source,
    size: genes.length,
    found: new Set(genes.flatMap((g) => (g.row === undefined ? [] : [g.row]))).size,
    missing: named((g) => g.status === 'missing'),
    ambiguous: named((g) => g.status === 'ambiguous'),
    duplicates: named((g) => g.duplicateOf !== undefined),
    genes,
  };
}
