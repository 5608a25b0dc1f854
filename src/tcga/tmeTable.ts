// The bundled TCGA tumour-microenvironment table (`--with tcga-tme`): the covariates of
// Thorsson et al. 2018 and companions, one row per patient. Every meaning, unit, source
// and licence below is taken from data/tcga-tme.README.md (the provenance record).
import { fileURLToPath } from 'node:url';
import type { BuiltInTable, ColumnDoc, TableCitation } from './tableDocs.js';

const CITATIONS: TableCitation[] = [
  { key: 'thorsson2018', short: 'Thorsson et al. 2018', doi: '10.1016/j.immuni.2018.03.023',
    text: 'Thorsson V, Gibbs DL, Brown SD, et al. The Immune Landscape of Cancer. Immunity. 2018;48(4):812-830.e14.' },
  { key: 'ellrott2018', short: 'Ellrott et al. 2018 (MC3)', doi: '10.1016/j.cels.2018.03.002',
    text: 'Ellrott K, Bailey MH, Saksena G, et al. Scalable Open Science Approach for Mutation Calling of Tumor Exomes Using Multiple Genomic Pipelines. Cell Syst. 2018;6(3):271-281.e7.' },
  { key: 'charoentong2017', short: 'Charoentong et al. 2017 (TCIA)', doi: '10.1016/j.celrep.2016.12.019',
    text: 'Charoentong P, Finotello F, Angelova M, et al. Pan-cancer Immunogenomic Analyses Reveal Genotype-Immunophenotype Relationships and Predictors of Response to Checkpoint Blockade. Cell Rep. 2017;18(1):248-262.' },
  { key: 'taylor2018', short: 'Taylor et al. 2018', doi: '10.1016/j.ccell.2018.03.007',
    text: 'Taylor AM, Shih J, Ha G, et al. Genomic and Functional Approaches to Understanding Cancer Aneuploidy. Cancer Cell. 2018;33(4):676-689.e3.' },
  { key: 'knijnenburg2018', short: 'Knijnenburg et al. 2018', doi: '10.1016/j.celrep.2018.03.076',
    text: 'Knijnenburg TA, Wang L, Zimmermann MT, et al. Genomic and Molecular Landscape of DNA Damage Repair Deficiency across The Cancer Genome Atlas. Cell Rep. 2018;23(1):239-254.e6.' },
  { key: 'bonneville2017', short: 'Bonneville et al. 2017 (MANTIS)', doi: '10.1200/PO.17.00073',
    text: 'Bonneville R, Krook MA, Kautto EA, et al. Landscape of Microsatellite Instability Across 39 Cancer Types. JCO Precis Oncol. 2017;1:PO.17.00073.' },
  { key: 'carter2012', short: 'Carter et al. 2012 (ABSOLUTE)', doi: '10.1038/nbt.2203',
    text: 'Carter SL, Cibulskis K, Helman E, et al. Absolute quantification of somatic DNA alterations in human cancer. Nat Biotechnol. 2012;30(5):413-421.' },
  { key: 'malta2018', short: 'Malta et al. 2018', doi: '10.1016/j.cell.2018.03.034', role: 'distributed the PanCanAtlas ABSOLUTE purity/ploidy file',
    text: 'Malta TM, Sokolov A, Gentles AJ, et al. Machine Learning Identifies Stemness Features Associated with Oncogenic Dedifferentiation. Cell. 2018;173(2):338-354.e15.' },
  { key: 'aran2015', short: 'Aran et al. 2015 (CPE)', doi: '10.1038/ncomms9971',
    text: 'Aran D, Sirota M, Butte AJ. Systematic pan-cancer analysis of tumour purity. Nat Commun. 2015;6:8971.' },
  { key: 'yoshihara2013', short: 'Yoshihara et al. 2013 (ESTIMATE)', doi: '10.1038/ncomms3612',
    text: 'Yoshihara K, Shahmoradgoli M, Martínez E, et al. Inferring tumour purity and stromal and immune cell admixture from expression data. Nat Commun. 2013;4:2612.' },
  { key: 'li2016', short: 'Li et al. 2016 (TIMER)', doi: '10.1186/s13059-016-1028-7',
    text: 'Li B, Severson E, Pignon JC, et al. Comprehensive analyses of tumor immunity: implications for cancer immunotherapy. Genome Biol. 2016;17(1):174.' },
  { key: 'newman2015', short: 'Newman et al. 2015 (CIBERSORT)', doi: '10.1038/nmeth.3337',
    text: 'Newman AM, Liu CL, Green MR, et al. Robust enumeration of cell subsets from tissue expression profiles. Nat Methods. 2015;12(5):453-457.' },
  { key: 'liu2018', short: 'Liu et al. 2018 (TCGA-CDR)', doi: '10.1016/j.cell.2018.02.052',
    text: 'Liu J, Lichtenberg T, Hoadley KA, et al. An Integrated TCGA Pan-Cancer Clinical Data Resource to Drive High-Quality Survival Outcome Analytics. Cell. 2018;173(2):400-416.e11.' },
];

const XENASHINY = 'openbiox/UCSCXenaShiny @ e012e4a3e77702863dc639bfc8ee23c8e48e3231';
const GPL = 'GPL (>= 3)';
const NONE = 'none stated';

const ORIGINS = [
  { key: 'leukocyte', licence: 'MIT', file: 'immunitastx/coding_exercise_TCGA_infiltration @ 0ad3c7d6d4b764ebdca14526b3fa5a9bf0b24c1f, TCGA_all_leuk_estimate.masked.20170107.tsv (GDC PanImmune file)' },
  { key: 'cibersort', licence: 'MIT', file: 'immunitastx/coding_exercise_TCGA_infiltration @ 0ad3c7d6d4b764ebdca14526b3fa5a9bf0b24c1f, TCGA.Kallisto.fullIDs.cibersort.relative.tsv (GDC PanImmune file)' },
  { key: 'tmb', licence: 'MIT', file: 'korkutlab/imogimap @ a85a397f5160adf07488d5cfb00b71c868ca7713, inst/extdata/mutation-load_updated.txt (GDC PanImmune file)' },
  { key: 'signatures', licence: 'Apache-2.0', file: 'CRI-iAtlas/shiny-iatlas @ bd60ab903acf2f234efa17f5b73a48e2c5e20707, data/ebpp_scores.rda (EB++ signature scores)' },
  { key: 'timer', licence: NONE, file: 'aedin/TCGAimmune @ 7afb1eb4bcdebab5e8538ab7b99da97c3fcba4f4, data/TIMER.rda (from cistrome TIMER immuneEstimation.txt)' },
  { key: 'subtype', licence: GPL, file: `${XENASHINY}, data/tcga_subtypes.rda (Subtype_Immune_Model_Based, from UCSC Xena)` },
  { key: 'cancer', licence: GPL, file: `${XENASHINY}, data/tcga_clinical.rda (TCGA-CDR study labels)` },
  { key: 'taylor', licence: GPL, file: `${XENASHINY}, data-remote/tcga_chr_alteration.rda (Taylor et al. 2018 Table S2)` },
  { key: 'absolute', licence: GPL, file: `${XENASHINY}, data/tcga_genome_instability.rda (PanCanAtlas Purity_Ploidy_All_Samples_9_28_16.tsv)` },
  { key: 'msi', licence: GPL, file: `${XENASHINY}, data-remote/pancan_MSI.rda (Bonneville et al. 2017 supplement)` },
  { key: 'hrd', licence: NONE, file: 'Marlin-Na/brcaness-viz @ c4a5165d882104041533f25c5bed9226a2aa8a60, src/data/TCGA.HRD_withSampleID.txt (copy of Xena PanCanAtlas TCGA.HRD_withSampleID.txt)' },
  { key: 'purity', licence: GPL, file: 'BioinformaticsFMRP/TCGAbiolinks @ f43e902d183671b165ff1eec94271c7e9b9719c9, data/Tumor.purity.rda (Aran et al. 2015 table)' },
  { key: 'tcia', licence: NONE, file: 'smangul1/seeing.beyond.target.results @ 5b41842b74c433f25a516975b2a057d0b1855f01, outcomes/TCIA.heterogeneity.txt' },
];

const SIGNATURE = 'signature score, arbitrary units';
const col = (name: string, group: string, meaning: string, unit: string, cite: string[], origin?: string): ColumnDoc =>
  ({ name, group, meaning, unit, cite, ...(origin ? { origin } : {}) });

const TIMER_CELLS: [string, string][] = [
  ['b_cell', 'B cells'], ['cd4_t_cell', 'CD4+ T cells'], ['cd8_t_cell', 'CD8+ T cells'],
  ['neutrophil', 'neutrophils'], ['macrophage', 'macrophages'], ['dendritic_cell', 'dendritic cells'],
];

// The LM22 cell types, in the file's column order.
const CIBERSORT_CELLS: [string, string][] = [
  ['b_cells_naive', 'naive B cells'], ['b_cells_memory', 'memory B cells'], ['plasma_cells', 'plasma cells'],
  ['t_cells_cd8', 'CD8 T cells'], ['t_cells_cd4_naive', 'naive CD4 T cells'],
  ['t_cells_cd4_memory_resting', 'resting memory CD4 T cells'], ['t_cells_cd4_memory_activated', 'activated memory CD4 T cells'],
  ['t_cells_follicular_helper', 'follicular helper T cells'], ['t_cells_regulatory_tregs', 'regulatory T cells (Tregs)'],
  ['t_cells_gamma_delta', 'gamma delta T cells'], ['nk_cells_resting', 'resting NK cells'], ['nk_cells_activated', 'activated NK cells'],
  ['monocytes', 'monocytes'], ['macrophages_m0', 'M0 macrophages'], ['macrophages_m1', 'M1 macrophages'],
  ['macrophages_m2', 'M2 macrophages'], ['dendritic_cells_resting', 'resting dendritic cells'],
  ['dendritic_cells_activated', 'activated dendritic cells'], ['mast_cells_resting', 'resting mast cells'],
  ['mast_cells_activated', 'activated mast cells'], ['eosinophils', 'eosinophils'], ['neutrophils', 'neutrophils'],
];

const COLUMNS: ColumnDoc[] = [
  col('bcr_patient_barcode', 'keys', 'TCGA patient', '12-character barcode', []),
  col('sample', 'keys', 'the one tumour sample all sample-level columns of the row come from: the lowest tumour sample-type code (01 primary < 02 recurrent < 03 primary blood < 05 < 06 metastatic < 07) found in any source; empty for 20 patients with only patient-level values', '15-character barcode', []),
  col('cancer_type', 'keys', 'TCGA study (from TCGA-CDR; for patients absent from it, the study label given by the sources)', 'abbreviation (33 types)', ['liu2018'], 'cancer'),

  col('immune_subtype', 'immune', 'Thorsson immune subtype: C1 wound healing, C2 IFN-γ dominant, C3 inflammatory, C4 lymphocyte depleted, C5 immunologically quiet, C6 TGF-β dominant', 'category (C1–C6)', ['thorsson2018'], 'subtype'),
  col('leukocyte_fraction', 'immune', 'leukocyte fraction from DNA methylation (Table S1 "Leukocyte Fraction"); one value -9.3e-05 kept as published', 'fraction 0–1', ['thorsson2018'], 'leukocyte'),
  col('stromal_fraction', 'immune', 'total non-tumour fraction = 1 − ABSOLUTE purity (Taylor "Stroma"; Table S1 "Stromal Fraction" is defined so)', 'fraction 0–1', ['thorsson2018', 'taylor2018', 'carter2012'], 'taylor'),
  col('stromal_nonleukocyte_fraction', 'immune', 'stromal_fraction − leukocyte fraction (Taylor "Stroma_notLeukocyte"; not floored, can be below 0)', 'fraction', ['thorsson2018', 'taylor2018'], 'taylor'),
  col('intratumor_heterogeneity', 'immune', 'ABSOLUTE subclonal genome fraction (Table S1 "Intratumor Heterogeneity")', 'fraction 0–1', ['thorsson2018', 'carter2012'], 'absolute'),

  col('proliferation_score', 'signatures', 'signature Module11_Prolif_score (Table S1 "Proliferation")', SIGNATURE, ['thorsson2018'], 'signatures'),
  col('wound_healing_score', 'signatures', 'signature CHANG_CORE_SERUM_RESPONSE_UP (Table S1 "Wound Healing")', SIGNATURE, ['thorsson2018'], 'signatures'),
  col('macrophage_regulation_score', 'signatures', 'signature CSF1_response (Table S1 "Macrophage Regulation")', SIGNATURE, ['thorsson2018'], 'signatures'),
  col('lymphocyte_infiltration_score', 'signatures', 'signature LIexpression_score (Table S1 "Lymphocyte Infiltration Signature Score")', SIGNATURE, ['thorsson2018'], 'signatures'),
  col('ifn_gamma_response_score', 'signatures', 'signature Module3_IFN_score (Table S1 "IFN-gamma Response")', SIGNATURE, ['thorsson2018'], 'signatures'),
  col('tgf_beta_response_score', 'signatures', 'signature TGFB_score_21050467 (Table S1 "TGF-beta Response")', SIGNATURE, ['thorsson2018'], 'signatures'),

  col('tmb_nonsilent_per_mb', 'mutations', 'non-silent somatic mutations per Mb, MC3 calls (Table S1 "Nonsilent Mutation Rate")', 'mutations / Mb', ['ellrott2018', 'thorsson2018'], 'tmb'),
  col('tmb_silent_per_mb', 'mutations', 'silent somatic mutations per Mb, MC3 calls (Table S1 "Silent Mutation Rate")', 'mutations / Mb', ['ellrott2018', 'thorsson2018'], 'tmb'),
  col('neoantigens_tcia', 'mutations', 'predicted neoantigens, clonal + subclonal (num_clonal_NEO + num_subclonal_NEO); not Thorsson\'s SNV/indel neoantigen counts', 'count', ['charoentong2017'], 'tcia'),

  col('aneuploidy_score', 'genome', 'number of arm-level copy-number events (Taylor "Aneuploidy Score")', 'count 0–39', ['taylor2018'], 'taylor'),
  col('genome_doublings', 'genome', 'whole-genome doublings (ABSOLUTE, as in Taylor et al.)', 'count 0–2', ['taylor2018', 'carter2012'], 'taylor'),
  col('hrd_score', 'genome', 'homologous recombination deficiency score = HRD-LOH + LST + TAI (Table S1 "Homologous Recombination Defects")', 'count', ['knijnenburg2018'], 'hrd'),
  col('hrd_loh', 'genome', 'HRD component: loss of heterozygosity (hrd-loh)', 'count', ['knijnenburg2018'], 'hrd'),
  col('hrd_lst', 'genome', 'HRD component: large-scale state transitions (lst1)', 'count', ['knijnenburg2018'], 'hrd'),
  col('hrd_tai', 'genome', 'HRD component: telomeric allelic imbalance (ai1)', 'count', ['knijnenburg2018'], 'hrd'),
  col('msi_mantis_score', 'genome', 'MANTIS microsatellite instability score (Bonneville et al.: ≥ 0.4 = MSI-high)', 'score, about 0.2–1.4', ['bonneville2017'], 'msi'),

  col('purity_absolute', 'purity', 'ABSOLUTE tumour purity', 'fraction 0–1', ['carter2012', 'malta2018'], 'absolute'),
  col('ploidy_absolute', 'purity', 'ABSOLUTE tumour ploidy', 'copies', ['carter2012', 'malta2018'], 'absolute'),
  col('purity_cpe', 'purity', 'consensus purity estimate (CPE)', 'fraction 0–1', ['aran2015'], 'purity'),
  col('purity_estimate', 'purity', 'ESTIMATE-based purity, from Aran et al.\'s table (not the raw ESTIMATE stromal/immune scores)', 'fraction 0–1', ['aran2015', 'yoshihara2013'], 'purity'),

  ...TIMER_CELLS.map(([k, label]) => col(`timer_${k}`, 'timer', `TIMER abundance estimate: ${label}`, 'arbitrary units (within cancer type)', ['li2016'], 'timer')),
  ...CIBERSORT_CELLS.map(([k, label]) => col(`cibersort_${k}`, 'cibersort', `CIBERSORT LM22 relative fraction: ${label}`, 'fraction of leukocytes', ['newman2015', 'thorsson2018'], 'cibersort')),
];

// Short names for figures and reports (ColumnDoc.label).
const LABELS: Record<string, string> = {
  cancer_type: 'Cancer type',
  immune_subtype: 'Immune subtype', leukocyte_fraction: 'Leukocyte fraction', stromal_fraction: 'Stromal fraction',
  stromal_nonleukocyte_fraction: 'Non-leukocyte stromal fraction', intratumor_heterogeneity: 'Intratumour heterogeneity',
  proliferation_score: 'Proliferation', wound_healing_score: 'Wound healing', macrophage_regulation_score: 'Macrophage regulation',
  lymphocyte_infiltration_score: 'Lymphocyte infiltration', ifn_gamma_response_score: 'IFN-\u03b3 response', tgf_beta_response_score: 'TGF-\u03b2 response',
  tmb_nonsilent_per_mb: 'Non-silent TMB', tmb_silent_per_mb: 'Silent TMB', neoantigens_tcia: 'Neoantigens (TCIA)',
  aneuploidy_score: 'Aneuploidy score', genome_doublings: 'Whole-genome doublings',
  hrd_score: 'HRD score', hrd_loh: 'HRD: LOH', hrd_lst: 'HRD: LST', hrd_tai: 'HRD: TAI', msi_mantis_score: 'MSI (MANTIS score)',
  purity_absolute: 'Purity (ABSOLUTE)', ploidy_absolute: 'Ploidy (ABSOLUTE)', purity_cpe: 'Purity (CPE)', purity_estimate: 'Purity (ESTIMATE)',
  ...Object.fromEntries(TIMER_CELLS.map(([k, label]) => [`timer_${k}`, `TIMER: ${label}`])),
  ...Object.fromEntries(CIBERSORT_CELLS.map(([k, label]) => [`cibersort_${k}`, `CIBERSORT: ${label}`])),
};

export const TCGA_TME: BuiltInTable = {
  name: 'tcga-tme',
  path: fileURLToPath(new URL('../../data/tcga-tme.tsv.gz', import.meta.url)),
  file: 'data/tcga-tme.tsv.gz',
  idColumn: 'bcr_patient_barcode',
  cancerColumn: 'cancer_type',
  sampleColumn: 'sample',
  description: 'TCGA tumour microenvironment and genomic covariates (Thorsson 2018 and companions), one row per patient',
  summary:
    'Per-patient immune subtype, leukocyte and stromal fractions, six immune expression signatures, mutation burden (MC3), ' +
    'TCIA neoantigens, aneuploidy and genome doublings, HRD, MSI (MANTIS), tumour purity and ploidy (ABSOLUTE, CPE, ESTIMATE), ' +
    'TIMER\'s six immune cells and the 22 CIBERSORT fractions: the covariates of Thorsson et al. 2018 (Table S1), re-assembled ' +
    'from their public per-sample source files at pinned commits (Table S1 itself was not available; where it could be compared, ' +
    'CIBERSORT and the immune subtype agree exactly). Sample-level values of a patient all come from one tumour sample (column sample). ' +
    'Continuous values are rounded to 4 significant digits; missing values are empty.',
  groups: [
    { key: 'keys', title: 'Keys' },
    { key: 'immune', title: 'Immune subtype and tissue fractions' },
    { key: 'signatures', title: 'Immune expression signatures', note: 'Raw EB++ signature scores; Table S1 may report them linearly rescaled (correlations within a cancer type are unaffected).' },
    { key: 'mutations', title: 'Mutation burden and neoantigens' },
    { key: 'genome', title: 'Aneuploidy, HRD and MSI' },
    { key: 'purity', title: 'Purity and ploidy' },
    { key: 'timer', title: 'TIMER immune cells', pattern: 'timer_*', note: 'Original 2016 TIMER (not TIMER2); its own scale per cancer type: compare within cancer type only.' },
    { key: 'cibersort', title: 'CIBERSORT LM22 fractions', pattern: 'cibersort_*', note: 'Relative fractions summing to 1 within leukocytes; multiply by leukocyte_fraction for tissue-level abundance, as in Thorsson et al.' },
  ],
  columns: COLUMNS.map((c) => (LABELS[c.name] ? { ...c, label: LABELS[c.name] } : c)),
  citations: CITATIONS,
  origins: ORIGINS,
  licenceNotes: [
    'Repositories the values were read from: MIT (leukocyte fraction, CIBERSORT, TMB), Apache-2.0 (signatures), ' +
      'GPL (>= 3) (UCSCXenaShiny: immune subtype, cancer type, stromal fractions, aneuploidy, genome doublings, ABSOLUTE purity/ploidy/heterogeneity, MSI; TCGAbiolinks: CPE and ESTIMATE purity).',
    'No licence stated by the repositories of the TIMER (aedin/TCGAimmune), HRD (Marlin-Na/brcaness-viz) and TCIA neoantigen (smangul1/seeing.beyond.target.results) columns.',
    'The values themselves are derived open-access TCGA data and published supplementary tables; check redistribution terms before re-publishing the table (the TIMER, HRD and neoantigens_tcia columns can be dropped independently).',
  ],
  caveats: [
    'immune_subtype, leukocyte_fraction and stromal_fraction are empty for DLBC, LAML and THYM in the upstream files; GBM and OV signature columns cover only RNA-seq-profiled patients.',
    'neoantigens_tcia covers 3,194 patients in 16 cancer types; purity_cpe and purity_estimate come from 21 cancer types.',
    'SKCM rows mostly use metastatic samples (06), LAML primary blood (03).',
    'TIMER and TCIA values are on their own scales: compare within cancer type only.',
  ],
  options: ['--with'],
  provenance: 'data/tcga-tme.README.md',
};
