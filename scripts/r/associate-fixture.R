# Dev-only: R's answer for `migrascore associate`, as conformance cases in
# tests/fixtures/associate/ (call.txt, expect.json, expected/*.tsv):
#   mini-cdr            the bundled four-cancer matrix with the built-in TCGA-CDR, per cancer,
#                       ten variables, --min-samples 45, --genes (spot-checked)
#   pooled-scores       --scores (R's per-cancer scores, plus a normal and a second vial) --pooled
#   mini-pooled-expr    --expr --pooled: one ssgsea run over the four cancers, --genes for "all"
#   n1300-sample-keyed  synthetic: covariates keyed by sample barcodes, 1,300+ samples in one
#                       cancer (t approximation, and n = 1290 exactly: AS 89's last exact n)
#   colon-by-rx         survival::colon, treatment arm as the "cancer" column, plain IDs
#   rotterdam-pooled    survival::rotterdam as CSV, a tied score, ICU-sorted size levels
# Every test as the contract says: numeric → cor.test(method = "spearman"); categorical →
# levels below --min-level dropped, two levels → wilcox.test(first sorted level, second),
# more → kruskal.test + pairwise.wilcox.test(p.adjust.method = "BH"); BH over all rows.
# Levels are sorted with R's sort(), which is ICU root collation in this R (checked below).
# Usage: Rscript scripts/r/associate-fixture.R   (from the project root; R 4.2, GSVA 1.46, survival 3.5)
suppressMessages({ library(GSVA); library(survival); library(jsonlite) })
stopifnot(identical(sort(c("20-50", ">50", "<=20", "b", "A", "a")), c("<=20", ">50", "20-50", "a", "A", "b")))
f17 <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
write_tsv <- function(d, path) write.table(d, path, sep = "\t", quote = FALSE, row.names = FALSE, na = "NA")
NA_TOKENS <- c("", "NA", "NaN", "null", "NULL", "N/A", "#N/A", ".", "[Not Available]", "[Not Applicable]", "[Unknown]",
               "[Discrepancy]", "[Not Evaluated]")
collapse_stage <- function(v) sub("^Stage (I{1,3}|IV)[A-C][0-9]?$", "Stage \\1", v)

# One variable against the score within one cohort: list(row, pairs, skipped).
test_variable <- function(cancer, score, v, name, min_level, min_samples) {
  skip <- function(level, n, reason) data.frame(cancer = cancer, variable = name, level = level, n = n, reason = reason)
  ok <- !is.na(v) & !is.na(score)
  n_ok <- sum(ok)
  untested <- function(reason, dropped = NULL) list(skipped = rbind(dropped, skip(NA, n_ok, reason)))
  if (n_ok == 0) return(untested("all-missing"))
  if (length(unique(v[ok])) == 1) return(untested("constant"))
  if (is.numeric(v)) {
    if (n_ok < min_samples) return(untested("min-samples"))
    x <- score[ok]; y <- v[ok]
    t <- suppressWarnings(cor.test(x, y, method = "spearman"))
    ties <- min(length(unique(x)), length(unique(y))) < n_ok
    return(list(row = data.frame(cancer = cancer, variable = name, type = "numeric", n = n_ok, estimate = unname(t$estimate),
                                 statistic = unname(t$statistic), df = NA, p = t$p.value,
                                 method = if (n_ok <= 1290 && !ties) "spearman-exact" else "spearman-asymptotic")))
  }
  counts <- table(factor(v[ok], levels = sort(unique(v[ok]))))
  low <- counts < min_level
  dropped <- if (any(low)) skip(names(counts)[low], as.integer(counts[low]), "min-level") else NULL
  kept <- names(counts)[!low]
  if (length(kept) < 2) return(untested("fewer than 2 levels", dropped))
  use <- ok & v %in% kept
  if (sum(use) < min_samples) return(untested("min-samples", dropped))
  x <- score[use]; g <- factor(v[use], levels = kept)
  if (length(kept) == 2) {
    t <- suppressWarnings(wilcox.test(x[g == kept[1]], x[g == kept[2]]))
    row <- data.frame(cancer = cancer, variable = name, type = "categorical", n = sum(use), estimate = NA,
                      statistic = unname(t$statistic), df = NA, p = t$p.value,
                      method = if (grepl("exact", t$method)) "wilcoxon-exact" else "wilcoxon-normal")
    return(list(row = row, skipped = dropped))
  }
  k <- kruskal.test(x, g)
  pw <- suppressWarnings(pairwise.wilcox.test(x, g, p.adjust.method = "BH"))$p.value
  cells <- which(!is.na(pw), arr.ind = TRUE)
  pairs <- data.frame(cancer = cancer, variable = name, level1 = rownames(pw)[cells[, 1]], level2 = colnames(pw)[cells[, 2]],
                      p_adjusted = pw[cells])
  list(row = data.frame(cancer = cancer, variable = name, type = "categorical", n = sum(use), estimate = NA,
                        statistic = unname(k$statistic), df = unname(k$parameter), p = k$p.value, method = "kruskal"),
       pairs = pairs, skipped = dropped)
}

# Every variable in every cohort, BH over all rows, the three tables written to out/expected.
# cohorts: list(cancer = list(score = numeric, data = data.frame of the variables)).
write_expected <- function(out, cohorts, vars, min_level = 5, min_samples = 10) {
  res <- unlist(lapply(names(cohorts), function(ct) lapply(vars, function(v)
    test_variable(ct, cohorts[[ct]]$score, cohorts[[ct]]$data[[v]], v, min_level, min_samples))), recursive = FALSE)
  rows <- do.call(rbind, lapply(res, `[[`, "row"))
  rows$fdr <- p.adjust(rows$p, "BH")
  for (k in c("estimate", "statistic", "p", "fdr")) rows[[k]] <- f17(rows[[k]])
  pairs <- do.call(rbind, lapply(res, `[[`, "pairs"))
  if (is.null(pairs)) pairs <- data.frame(cancer = character(), variable = character(), level1 = character(), level2 = character(), p_adjusted = numeric())
  pairs$p_adjusted <- f17(pairs$p_adjusted)
  skipped <- do.call(rbind, lapply(res, `[[`, "skipped"))
  if (is.null(skipped)) skipped <- data.frame(cancer = character(), variable = character(), level = character(), n = integer(), reason = character())
  dir.create(file.path(out, "expected"), recursive = TRUE, showWarnings = FALSE)
  write_tsv(rows[, c("cancer", "variable", "type", "n", "estimate", "statistic", "df", "p", "method", "fdr")], file.path(out, "expected", "associate.tsv"))
  write_tsv(pairs, file.path(out, "expected", "associate_pairs.tsv"))
  write_tsv(skipped, file.path(out, "expected", "associate_skipped.tsv"))
  invisible(rows)
}

write_manifest <- function(out, subset = NULL) {
  compare <- list(
    list(output = "associate.tsv", expected = "expected/associate.tsv", keys = list("cancer", "variable")),
    list(output = "associate_pairs.tsv", expected = "expected/associate_pairs.tsv", keys = list("cancer", "variable", "level1", "level2")),
    list(output = "associate_skipped.tsv", expected = "expected/associate_skipped.tsv", keys = list("cancer", "variable", "level")))
  m <- list(compare = compare)
  if (!is.null(subset)) m$subset <- subset
  writeLines(toJSON(m, auto_unbox = TRUE, pretty = TRUE), file.path(out, "expect.json"))
}

# TCGA sample rule (contract): tumour samples (01-09), one per patient: lowest type, vial, barcode.
one_tumour_per_patient <- function(bar) {
  pat <- substr(bar, 1, 12); typ <- substr(bar, 14, 15); vial <- substr(bar, 16, 16)
  ord <- order(pat, typ, vial, bar)
  pick <- ord[(typ %in% sprintf("%02d", 1:9))[ord]]
  pick <- pick[!duplicated(pat[pick])]
  setNames(bar[pick], pat[pick])
}

# ---------------------------------------------------------------- mini-cdr
x <- as.matrix(read.delim(gzfile("examples/tcga-mini-pancan.rsem.tsv.gz"), row.names = 1, check.names = FALSE))
cdr <- read.delim(gzfile("data/tcga-cdr.tsv.gz"), na.strings = NA_TOKENS, check.names = FALSE, stringsAsFactors = FALSE)
core <- c("TSPAN4|7106", "TSPAN7|7102", "ITGA5|3678", "ITGB1|3688", "NDST1|3340", "C3orf64|285203",
          "PIGK|10026", "PGCP|10404", "PIP5K1A|8394", "RAB35|11021", "SGMS2|166929")
sample_of <- one_tumour_per_patient(colnames(x))
stages <- c("ajcc_pathologic_tumor_stage", "clinical_stage")
for (v in stages) cdr[[v]] <- collapse_stage(cdr[[v]])
vars_a <- c("age_at_initial_pathologic_diagnosis", "gender", "ajcc_pathologic_tumor_stage", "birth_days_to", "clinical_stage",
            "histological_grade", "menopause_status", "race", "treatment_outcome_first_course", "initial_pathologic_dx_year")
# histological_grade is empty in these cancers: read.delim makes it logical; it is all-missing either way
cohorts <- list(); gene_rows <- list(); score_rows <- list()
for (ct in sort(unique(cdr$type[cdr$bcr_patient_barcode %in% names(sample_of)]))) {
  cl <- cdr[cdr$type == ct & cdr$bcr_patient_barcode %in% names(sample_of), ]
  samples <- sample_of[cl$bcr_patient_barcode]
  es <- gsva(x[, samples, drop = FALSE], list(`migrasome-core` = core), method = "ssgsea", verbose = FALSE)[1, ]
  cohorts[[ct]] <- list(score = unname(es), data = cl)
  score_rows[[ct]] <- data.frame(sample = samples, cancer = ct, score = unname(es))
  # --genes: Spearman of the score with every matrix row; a constant gene is NA and out of the BH
  g <- t(sapply(rownames(x), function(id) {
    y <- x[id, samples]
    if (length(unique(y)) == 1) return(c(NA, NA))
    t <- suppressWarnings(cor.test(es, y, method = "spearman"))
    c(unname(t$estimate), t$p.value)
  }))
  gene_rows[[ct]] <- data.frame(cancer = ct, gene = rownames(x), rho = g[, 1], p = g[, 2], fdr = p.adjust(g[, 2], "BH"))
}
out <- "tests/fixtures/associate/mini-cdr"
write_expected(out, cohorts, vars_a, min_level = 5, min_samples = 45)
genes <- do.call(rbind, gene_rows)
# spot check: the core genes, housekeeping and immune genes, and per cancer its strongest
# positive and negative gene and its first constant gene (NA, out of the BH)
spot <- intersect(c(core, "GAPDH|2597", "ACTB|60", "VIM|7431", "PTPRC|5788", "CD274|29126", "XIST|7503"), rownames(x))
extremes <- unlist(lapply(gene_rows, function(d) d$gene[c(which.max(d$rho), which.min(d$rho), which(is.na(d$rho))[1])]))
sub <- genes[genes$gene %in% c(spot, extremes), ]
stopifnot(any(is.na(sub$rho)))
for (k in c("rho", "p", "fdr")) sub[[k]] <- f17(sub[[k]])
write_tsv(sub, file.path(out, "expected", "associate_genes.subset.tsv"))
write_manifest(out, subset = list(list(output = "associate_genes.tsv.gz", expected = "expected/associate_genes.subset.tsv", keys = list("cancer", "gene"))))
writeLines(paste("associate --expr ../../../../examples/tcga-mini-pancan.rsem.tsv.gz --geneset migrasome-core --method ssgsea --log2 no",
                 "--with tcga-cdr --vars", paste(vars_a, collapse = ","), "--collapse-stages --min-samples 45 --genes --out OUT"),
           file.path(out, "call.txt"))

# ---------------------------------------------------------------- pooled-scores
# R's per-cancer ssgsea scores above as a score table (full aliquot barcodes), a second column
# (the mean log2(x + 1) of the core genes) chosen with --score, plus two made-up rows the join
# must drop: a normal sample (11A) of one patient and a second tumour vial (01B) of another.
out <- "tests/fixtures/associate/pooled-scores"
dir.create(file.path(out, "expected"), recursive = TRUE, showWarnings = FALSE)
sc <- do.call(rbind, score_rows)
sc$core_mean <- colMeans(log2(x[core, sc$sample] + 1))
extra <- data.frame(sample = c(sub("-01A-", "-11A-", sc$sample[1]), sub("-01A-", "-01B-", sc$sample[2])),
                    cancer = sc$cancer[1:2], score = c(-5, 5), core_mean = c(-5, 5))
stopifnot(all(substr(sc$sample[1:2], 14, 16) == "01A"))
sc_file <- rbind(sc, extra)
write_tsv(data.frame(sample = sc_file$sample, `migrasome-core` = f17(sc_file$score), core_mean = f17(sc_file$core_mean), check.names = FALSE),
          file.path(out, "scores.tsv"))
kept <- one_tumour_per_patient(sc_file$sample)
stopifnot(setequal(kept, sc$sample))
pool <- cdr[match(names(kept), cdr$bcr_patient_barcode), ]
vars_b <- c("type", "gender", "ajcc_pathologic_tumor_stage", "race", "menopause_status", "histological_grade",
            "age_at_initial_pathologic_diagnosis", "birth_days_to", "initial_pathologic_dx_year", "tumor_status")
write_expected(out, list(all = list(score = sc_file$core_mean[match(kept, sc_file$sample)], data = pool)), vars_b, min_level = 12)
write_manifest(out)
writeLines(paste("associate --scores scores.tsv --score core_mean --with tcga-cdr --pooled --vars", paste(vars_b, collapse = ","),
                 "--collapse-stages --min-level 12 --out OUT"), file.path(out, "call.txt"))

# ---------------------------------------------------------------- mini-pooled-expr
# --expr --pooled: one ssgsea run on all 264 matched tumour samples (its range normalisation
# spans the four cancers), the cancer type as a variable, and --genes for cohort "all".
out <- "tests/fixtures/associate/mini-pooled-expr"
all_samples <- unname(sample_of[pool$bcr_patient_barcode])
es <- gsva(x[, all_samples], list(`migrasome-core` = core), method = "ssgsea", verbose = FALSE)[1, ]
vars_p <- c("type", "gender", "ajcc_pathologic_tumor_stage", "age_at_initial_pathologic_diagnosis")
write_expected(out, list(all = list(score = unname(es), data = pool)), vars_p)
g <- t(sapply(intersect(c(spot, extremes), rownames(x)), function(id) {
  y <- x[id, all_samples]
  if (length(unique(y)) == 1) return(c(NA, NA))
  t <- suppressWarnings(cor.test(es, y, method = "spearman"))
  c(unname(t$estimate), t$p.value)
}))
# the FDR needs every gene's p: BH over all matrix rows that are not constant
p_all <- apply(x[, all_samples], 1, function(y) if (length(unique(y)) == 1) NA else suppressWarnings(cor.test(es, y, method = "spearman"))$p.value)
fdr_all <- p.adjust(p_all, "BH")
sub <- data.frame(cancer = "all", gene = rownames(g), rho = f17(g[, 1]), p = f17(g[, 2]), fdr = f17(fdr_all[rownames(g)]))
write_tsv(sub, file.path(out, "expected", "associate_genes.subset.tsv"))
write_manifest(out, subset = list(list(output = "associate_genes.tsv.gz", expected = "expected/associate_genes.subset.tsv", keys = list("cancer", "gene"))))
writeLines(paste("associate --expr ../../../../examples/tcga-mini-pancan.rsem.tsv.gz --log2 no --with tcga-cdr --pooled --vars",
                 paste(vars_p, collapse = ","), "--collapse-stages --genes --out OUT"), file.path(out, "call.txt"))

# ---------------------------------------------------------------- n1300-sample-keyed
# Synthetic: 1,420 patients in two cohorts (BRCA 1,330, KICH 90). Covariates keyed by sample
# barcode (TCGA-XX-XXXX-01A); scores keyed by full aliquot barcode, with normals (11A) and a
# few patients on one side only. x_noties: no ties, n = 1,300 in BRCA (t approximation);
# x_edge: no ties, n = 1,290 in BRCA (AS 89's largest exact n); x_ties: integers 0-20;
# grade: G1-G4 with G4 below --min-level; site: two levels in BRCA, constant in KICH.
set.seed(20261201)
out <- "tests/fixtures/associate/n1300-sample-keyed"
dir.create(file.path(out, "expected"), recursive = TRUE, showWarnings = FALSE)
alnum <- c(LETTERS, 0:9)
ids <- character()
while (length(ids) < 1420) ids <- unique(c(ids, paste0("TCGA-", paste0(sample(LETTERS, 1), sample(0:9, 1)), "-",
                                                     paste(sample(alnum, 4, TRUE), collapse = ""))))
cancer <- rep(c("BRCA", "KICH"), c(1330, 90))
n <- length(ids)
score <- rnorm(n)
x_noties <- 0.12 * score + rnorm(n)
x_edge <- -0.05 * score + rnorm(n)
x_ties <- pmin(20, rpois(n, 4 + (score > 0)))
grade <- sample(c("G1", "G2", "G3"), n, TRUE, prob = c(0.3, 0.4, 0.3))
grade <- ifelse(grade == "G3" & score > 1, "G2", grade)
site <- ifelse(cancer == "KICH", "primary", sample(c("primary", "recurrence"), n, TRUE, prob = c(0.8, 0.2)))
# missing values, spelled as TCGA and R write them
brca <- which(cancer == "BRCA")
x_noties[brca[1:30]] <- NA                      # BRCA: 1,300 with a value
x_edge[brca[1:40]] <- NA                        # BRCA: 1,290
x_ties[sample(n, 25)] <- NA
grade[sample(n, 40)] <- NA
grade[c(brca[101:103], which(cancer == "KICH")[1:2])] <- "G4"   # 3 and 2: below --min-level 5
stopifnot(length(unique(x_noties[!is.na(x_noties)])) == sum(!is.na(x_noties)))
tok <- function(v, token) ifelse(is.na(v), token, as.character(v))
cov <- data.frame(sample = paste0(ids, "-01A"), cancer = cancer, x_noties = tok(f17(x_noties), "NA"), x_edge = tok(f17(x_edge), "[Not Available]"),
                  x_ties = tok(x_ties, ""), grade = tok(grade, "[Unknown]"), site = site)
cov$x_noties[!is.na(x_noties)] <- f17(x_noties[!is.na(x_noties)])
cov$x_edge[!is.na(x_edge)] <- f17(x_edge[!is.na(x_edge)])
# 10 covariate rows (KICH) without a score; 10 score rows without covariates; 20 normals
no_score <- which(cancer == "KICH")[81:90]
aliquot <- function(id, type) paste0(id, "-", type, "-", sprintf("%02d", sample(11:31, length(id), TRUE)), "R-A", sprintf("%03d", sample(999, length(id), TRUE)), "-07")
others <- paste0("TCGA-ZZ-", sprintf("%04d", 1:10))
sc <- data.frame(sample = c(aliquot(ids[-no_score], "01A"), aliquot(ids[1:20], "11A"), aliquot(others, "01A")),
                 score = c(score[-no_score], rnorm(30)))
sc <- sc[sample(nrow(sc)), ]
write_tsv(data.frame(sample = sc$sample, `migrasome-core` = f17(sc$score), check.names = FALSE), file.path(out, "scores.tsv"))
write_tsv(cov, file.path(out, "covariates.tsv"))
has <- setdiff(seq_len(n), no_score)
num <- function(v) suppressWarnings(as.numeric(ifelse(v %in% NA_TOKENS, NA, v)))
chr <- function(v) ifelse(v %in% NA_TOKENS, NA, v)
d <- data.frame(x_noties = num(cov$x_noties), x_edge = num(cov$x_edge), x_ties = num(cov$x_ties), grade = chr(cov$grade), site = chr(cov$site))
vars_c <- c("x_noties", "x_edge", "x_ties", "grade", "site")
rows <- write_expected(out, lapply(split(has, cancer[has]), function(i) list(score = score[i], data = d[i, ])), vars_c, min_level = 5)
stopifnot(rows$n[rows$cancer == "BRCA" & rows$variable == "x_noties"] == 1300,
          rows$method[rows$cancer == "BRCA" & rows$variable == "x_noties"] == "spearman-asymptotic",
          rows$n[rows$cancer == "BRCA" & rows$variable == "x_edge"] == 1290,
          rows$method[rows$cancer == "BRCA" & rows$variable == "x_edge"] == "spearman-exact")
write_manifest(out)
writeLines(paste("associate --scores scores.tsv --with covariates.tsv --id sample --cancer-col cancer --vars", paste(vars_c, collapse = ","),
                 "--out OUT"), file.path(out, "call.txt"))

# ---------------------------------------------------------------- colon-by-rx
# survival::colon, one row per patient (etype 2), the treatment arm (Obs, Lev, Lev+5FU) as the
# cohort column; plain IDs (pt001 …), joined exactly; a made-up score that rises with nodes and
# poor differentiation. extent's "submucosa" (< 10 per arm) is dropped by --min-level 10.
set.seed(9)
out <- "tests/fixtures/associate/colon-by-rx"
dir.create(file.path(out, "expected"), recursive = TRUE, showWarnings = FALSE)
co <- survival::colon[survival::colon$etype == 2, ]
d <- data.frame(id = sprintf("pt%03d", co$id), rx = as.character(co$rx), sex = c("female", "male")[co$sex + 1],
                age = co$age, nodes = co$nodes, differ = c("well", "moderate", "poor")[co$differ],
                extent = c("submucosa", "muscle", "serosa", "contiguous")[co$extent], surg = c("short", "long")[co$surg + 1],
                obstruct = co$obstruct)
score <- 0.05 * ifelse(is.na(co$nodes), 0, co$nodes) + 0.4 * (d$differ %in% "poor") + rnorm(nrow(co))
write_tsv(d, file.path(out, "colon.tsv"))
# score table: every patient but the last five, plus three IDs the covariate table lacks
sc <- data.frame(sample = c(d$id[1:(nrow(d) - 5)], "pt9990", "PT001", "1"), score = c(score[1:(nrow(d) - 5)], 0, 0, 0))
write_tsv(data.frame(sample = sc$sample, score = f17(sc$score)), file.path(out, "scores.tsv"))
has <- 1:(nrow(d) - 5)
vars_d <- c("sex", "age", "nodes", "differ", "extent", "surg", "obstruct")
write_expected(out, lapply(split(has, d$rx[has]), function(i) list(score = score[i], data = d[i, ])), vars_d, min_level = 10)
write_manifest(out)
writeLines(paste("associate --scores scores.tsv --with colon.tsv --cancer-col rx --vars", paste(vars_d, collapse = ","), "--min-level 10 --out OUT"),
           file.path(out, "call.txt"))

# ---------------------------------------------------------------- rotterdam-pooled
# survival::rotterdam (2,982 patients) as CSV, IDs = pid; one cohort. The made-up score is
# rounded to 2 decimals, so every rank test has ties (normal approximations with tie
# corrections); size's levels sort as ICU does (<=20, >50, 20-50), which fixes pair order.
set.seed(31)
out <- "tests/fixtures/associate/rotterdam-pooled"
dir.create(file.path(out, "expected"), recursive = TRUE, showWarnings = FALSE)
ro <- survival::rotterdam
d <- data.frame(pid = ro$pid, size = as.character(ro$size), grade = ro$grade, nodes = ro$nodes, age = ro$age,
                meno = c("pre", "post")[ro$meno + 1], hormon = c("no", "yes")[ro$hormon + 1], er = ro$er)
score <- round(0.3 * (d$size == ">50") + 0.02 * d$nodes + rnorm(nrow(d)), 2)
write.csv(d, file.path(out, "rotterdam.csv"), row.names = FALSE)
write_tsv(data.frame(sample = d$pid, score = sprintf("%.2f", score)), file.path(out, "scores.tsv"))   # exactly the values R tests
vars_e <- c("size", "grade", "nodes", "age", "meno", "hormon", "er")
write_expected(out, list(all = list(score = score, data = d)), vars_e)
write_manifest(out)
writeLines(paste("associate --scores scores.tsv --with rotterdam.csv --vars", paste(vars_e, collapse = ","), "--out OUT"), file.path(out, "call.txt"))
