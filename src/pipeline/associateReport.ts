// The report model of an `associate` run: parameters, inputs with checksums, citations (the
// built-in table's sources of exactly the columns used, and the tests run), gene matching,
// and the associations themselves (report/associateSection.ts draws them).
import { createRequire } from 'node:module';
import type { AssociateGene } from '../associate/types.js';
import { buildReportHtml } from '../report/html.js';
import type { AssociateTopGenes, ReportCitation, ReportModel, ReportParameter } from '../report/model.js';
import { builtInTableByPath, citationsForColumns } from '../tcga/builtInTables.js';
import { columnDisplays } from '../tcga/columnLabels.js';
import type { AssociateCohort, AssociateOptions, AssociateRun } from './associate.js';
import type { AssociateFigureSet } from './associateFigures.js';
import { scoreText } from './figureLabels.js';
import { linkedFigures, reportInputs, scoringParameters, type ReportContext } from './reportParts.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;

/** Genes shown per direction and cancer. */
export const TOP_GENES = 10;

export async function associateReport(
  run: AssociateRun, opts: AssociateOptions & { scatter?: string[] }, ctx: ReportContext, figures: AssociateFigureSet, files: string[],
): Promise<string> {
  const builtIn = builtInTableByPath(opts.with);
  const inputs = await reportInputs([
    { role: builtIn ? `covariate table (built-in ${builtIn.name})` : 'covariate table', path: opts.with },
    ...(run.expr
      ? [{ role: 'expression matrix', path: run.expr.request.expr }, ...run.expr.inputPaths.slice(1).map((path) => ({ role: 'gene set file', path }))]
      : [{ role: 'score table', path: opts.scores!.file }]),
  ]);
  const displays = columnDisplays(opts.with, run.variables.map((v) => v.name));
  const linked = (dir: string) => linkedFigures(figures.figures.filter((f) => f.dir === dir).map((f) => f.figure), dir, files);
  const model: ReportModel = {
    scope: 'associate',
    title: `migrascore association report \u2014 ${run.scoreName} score`,
    generatedAt: new Date().toISOString(),
    version: VERSION,
    command: ctx.command,
    parameters: associateParameters(run, opts),
    inputs,
    citations: associateCitations(run, opts),
    geneReport: run.expr?.scoring.report.genesets ?? [],
    join: run.join,
    messages: [...(run.expr?.scoring.report.messages ?? []), ...run.messages],
    files,
    endpoints: [],
    associate: {
      score: scoreLabel(run),
      table: builtIn ? `${builtIn.name} (built in)` : opts.with,
      cohorts: run.cohorts.map((c) => ({ cancer: c.cancer, n: c.rows.length })),
      variables: run.variables.map((v, i) => ({ ...displays[i], type: v.type })),
      rows: run.rows,
      pairs: run.pairs,
      skipped: run.skipped,
      minLevel: opts.minLevel,
      minSamples: opts.minSamples,
      ...(opts.genes && run.expr ? { genes: topGenes(run.genes, run.cohorts) } : {}),
      figures: linked(''),
      boxFigures: linked('box/'),
      scatterFigures: linked('scatter/'),
    },
  };
  return buildReportHtml(model);
}

function scoreLabel(run: AssociateRun): string {
  return run.expr ? scoreText(run.scoreName, run.expr.request.method) : `${run.scoreName} score`;
}

/** Whether the run split by cancer type (a cancer column, not --pooled). */
function perCancer(opts: AssociateOptions): boolean {
  return Boolean(opts.cancerColumn) && !opts.pooled;
}

export function associateParameters(run: AssociateRun, opts: AssociateOptions & { scatter?: string[] }): ReportParameter[] {
  const builtIn = builtInTableByPath(opts.with);
  return [
    ...(run.expr
      ? scoringParameters(run.expr.request, run.expr.scoring.sets.map((s) => s.name), run.scoreName, run.expr.scoring.report.log2)
      : [{ name: 'Scores', value: `column ${run.scoreName} of ${opts.scores!.file} (precomputed; not rescored within each cancer)` }]),
    { name: 'Covariate table', value: `${builtIn ? `${builtIn.name} (built in)` : opts.with}, ID column ${run.table.idColumn}` },
    { name: 'Cancer type', value: perCancer(opts) ? `column "${opts.cancerColumn}"; ${run.expr ? 'scores and tests' : 'tests'} within each cancer` : 'one cohort ("all")' },
    { name: 'Variables', value: run.variables.map((v) => `${v.name} (${v.type})`).join(', ') },
    { name: 'Tests', value: 'numeric: Spearman cor.test (AS 89 exact p up to 1290 samples without ties, else the t approximation); two levels: wilcox.test; more: kruskal.test with pairwise.wilcox.test (BH); FDR: Benjamini–Hochberg over all tests' },
    { name: 'Stage levels', value: opts.collapseStages ? 'collapsed (--collapse-stages: Stage IIIA, IIIB → Stage III)' : 'as written' },
    { name: 'Minimum samples per level', value: String(opts.minLevel) },
    { name: 'Minimum samples per test', value: String(opts.minSamples) },
    ...(opts.genes ? [{ name: 'Genes', value: 'Spearman of the score with every gene of the matrix within each cancer; BH within cancer (associate_genes.tsv.gz)' }] : []),
    ...(opts.scatter?.length ? [{ name: 'Scatter plots', value: opts.scatter.join(', ') }] : []),
    { name: 'Sample types', value: run.join.sample_types.join(', ') || 'all' },
  ];
}

/**
 * The sources of the built-in table's columns the run read (the variables, and the cancer
 * column when tests ran within cancers), each with the columns it is cited for; then the
 * scoring method and the tests that ran.
 */
export function associateCitations(run: AssociateRun, opts: AssociateOptions): ReportCitation[] {
  const list: ReportCitation[] = [];
  const builtIn = builtInTableByPath(opts.with);
  if (builtIn) {
    const used = [...run.variables.map((v) => v.name), ...(perCancer(opts) && opts.cancerColumn ? [opts.cancerColumn] : [])];
    for (const { citation, columns } of citationsForColumns(builtIn, used)) {
      list.push({ text: `${citation.text} Cited for ${builtIn.name} column${columns.length > 1 ? 's' : ''} ${columns.join(', ')}${citation.role ? ` (${citation.role})` : ''}.`, doi: citation.doi });
    }
  }
  if (run.expr) {
    list.push({ text: 'Hänzelmann S, Castelo R, Guinney J. GSVA: gene set variation analysis for microarray and RNA-seq data. BMC Bioinformatics. 2013;14:7.', doi: '10.1186/1471-2105-14-7' });
    list.push({ text: 'Qin Y, et al. Pan-cancer analysis of migrasome genes. Front Immunol. 2022;13:994828.', doi: '10.3389/fimmu.2022.994828' });
  }
  const methods = new Set(run.rows.map((r) => r.method));
  list.push({ text: 'R Core Team. R: A Language and Environment for Statistical Computing. R Foundation for Statistical Computing, Vienna (stats: cor.test, wilcox.test, kruskal.test, pairwise.wilcox.test, p.adjust), reproduced exactly.' });
  if (methods.has('spearman-exact') || methods.has('spearman-asymptotic') || run.genes.length > 0) {
    list.push({ text: 'Spearman C. The proof and measurement of association between two things. Am J Psychol. 1904;15:72–101.', doi: '10.2307/1412159' });
  }
  if (methods.has('spearman-exact')) {
    list.push({ text: 'Best DJ, Roberts DE. Algorithm AS 89: The upper tail probabilities of Spearman\'s rho. Appl Stat. 1975;24:377–379 (the exact p of R cor.test).', doi: '10.2307/2347111' });
  }
  if (methods.has('wilcoxon-exact') || methods.has('wilcoxon-normal') || run.pairs.length > 0) {
    list.push({ text: 'Wilcoxon F. Individual comparisons by ranking methods. Biometrics Bulletin. 1945;1:80–83 (R wilcox.test, pairwise.wilcox.test).', doi: '10.2307/3001968' });
  }
  if (methods.has('kruskal')) {
    list.push({ text: 'Kruskal WH, Wallis WA. Use of ranks in one-criterion variance analysis. J Am Stat Assoc. 1952;47:583–621 (R kruskal.test).', doi: '10.1080/01621459.1952.10483441' });
  }
  list.push({ text: 'Benjamini Y, Hochberg Y. Controlling the false discovery rate. J R Stat Soc B. 1995;57:289–300.', doi: '10.1111/j.2517-6161.1995.tb02031.x' });
  return list;
}

/**
 * The `k` genes with the highest rho above 0 and the `k` with the lowest below 0, per
 * cancer (ties by gene ID, so the lists are stable); constant genes (rho NA) left out.
 */
export function topGenes(genes: AssociateGene[], cohorts: AssociateCohort[], k = TOP_GENES, fdr = 0.05): AssociateTopGenes[] {
  const byCancer = new Map<string, AssociateGene[]>();
  for (const g of genes) {
    if (g.rho === null) continue;
    const list = byCancer.get(g.cancer);
    if (list) list.push(g);
    else byCancer.set(g.cancer, [g]);
  }
  const cmp = (a: AssociateGene, b: AssociateGene) => (a.gene < b.gene ? -1 : a.gene > b.gene ? 1 : 0);
  return cohorts.map((c) => {
    const list = byCancer.get(c.cancer) ?? [];
    return {
      cancer: c.cancer,
      n: c.rows.length,
      tested: list.length,
      significant: list.filter((g) => g.fdr !== null && g.fdr < fdr).length,
      positive: list.filter((g) => g.rho! > 0).sort((a, b) => b.rho! - a.rho! || cmp(a, b)).slice(0, k),
      negative: list.filter((g) => g.rho! < 0).sort((a, b) => a.rho! - b.rho! || cmp(a, b)).slice(0, k),
    };
  });
}
