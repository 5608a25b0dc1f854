# Dev-only: the conformance case tests/fixtures/model/acc-ties-os/reference/ (LASSO Cox,
# `migrascore model fit`) from R 4.2.2, glmnet 4.1-6, survival 3.5-3, with the R calls of
# ../shared/reference/model/README.md. Run from the project root:
#   Rscript scripts/r/model-fixture.R [path/to/tcga-mini-pancan.rsem.tsv.gz]
# TCGA-ACC OS has a censoring tied with a death at a time >= 256 days, where glmnet's
# censoring shift (100 * .Machine$double.eps) is lost: whether that censoring is in the
# death's risk set depends on where glmnet's unstable quicksort (psort7) leaves it, in the
# full fit and in each fold fit. The case pins migrasome's reproduction of that order.
suppressMessages({ library(glmnet); library(survival); library(jsonlite) })
stopifnot(packageVersion("glmnet") == "4.1.6")
args <- commandArgs(trailingOnly = TRUE)
matrix_file <- if (length(args) >= 1) args[1] else "../shared/data/tcga-mini-pancan.rsem.tsv.gz"
out <- "tests/fixtures/model/acc-ties-os/reference"
dir.create(file.path(out, "expected"), recursive = TRUE, showWarnings = FALSE)

# Candidates: the 18 genes of the built-in migrasome sets in migrascore's default order (the
# TCGA-ACC run the review checked), then 6 other genes. EOGT and CPQ are under older symbols
# in the matrix.
genes <- c("TSPAN4", "TSPAN7", "ITGA5", "ITGB1", "NDST1", "EOGT", "PIGK", "CPQ", "PIP5K1A", "RAB35", "SGMS2",
  "TSPAN1", "TSPAN2", "TSPAN6", "TSPAN9", "TSPAN18", "CD82", "CD81",
  "HOOK3", "SAE1", "SF3B1", "SNRPD2", "TRAPPC3", "WRNIP1")
ids <- c(EOGT = "C3orf64|285203", CPQ = "PGCP|10404")

# expr.tsv: the candidate rows, cut from the matrix as written (same text, so the same
# numbers), for the ACC tumour samples and 6 samples of other cancers (left out by --cancer ACC).
con <- gzfile(matrix_file)
lines <- readLines(con)
close(con)
head <- strsplit(lines[1], "\t", fixed = TRUE)[[1]]
row_ids <- sub("\t.*", "", lines[-1])
sym <- sub("\\|.*", "", row_ids)
rows <- sapply(genes, function(g) if (g %in% names(ids)) match(ids[[g]], row_ids) else match(g, sym))
stopifnot(!anyNA(rows), !anyDuplicated(rows))
cdr <- read.delim("data/tcga-cdr.tsv.gz", check.names = FALSE)
samples <- head[-1]
tumour <- as.integer(substr(samples, 14, 15)) %in% 1:9
type <- cdr$type[match(substr(samples, 1, 12), cdr$bcr_patient_barcode)]
acc <- which(tumour & type %in% "ACC")
other <- which(tumour & !is.na(type) & type != "ACC")[1:6]
cols <- sort(c(acc, other)) + 1                       # matrix column order
cut <- vapply(c(1, rows + 1), function(i) paste(strsplit(lines[i], "\t", fixed = TRUE)[[1]][c(1, cols)], collapse = "\t"), "")
writeLines(cut, file.path(out, "expr.tsv"))
writeLines(paste(c("candidates", "na", genes), collapse = "\t"), file.path(out, "candidates.gmt"))

# The cohort as migrascore joins it: ACC tumour samples (one per patient here), OS.time/OS.
m <- read.delim(file.path(out, "expr.tsv"), check.names = FALSE, row.names = 1)
samples <- colnames(m)[colnames(m) %in% head[acc + 1]]
stopifnot(!anyDuplicated(substr(samples, 1, 12)))
clin <- cdr[match(substr(samples, 1, 12), cdr$bcr_patient_barcode), ]
time <- as.numeric(clin$OS.time); status <- as.numeric(clin$OS)
stopifnot(!anyNA(time), !anyNA(status), all(time > 0))
x <- t(log2(as.matrix(m[, samples]) + 1))
colnames(x) <- genes
set.seed(1)
fold <- sample(rep(1:10, length = length(samples)))
write.table(data.frame(sample = samples, fold = fold), file.path(out, "folds.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)

tied <- status == 0 & time %in% time[status == 1]
cat(sprintf("ACC OS: %d patients, %d deaths; censorings tied with a death: %d (times %s; >= 256: %d)\n", length(time), sum(status),
  sum(tied), paste(sort(unique(time[tied])), collapse = ", "), sum(tied & time >= 256)))
for (t in sort(unique(time[tied]))) {
  d <- which(time == t & status == 1); c <- which(time == t & status == 0)
  cat(sprintf("  time %g: deaths %s (folds %s), censorings %s (folds %s)\n", t, paste(samples[d], collapse = ","), paste(fold[d], collapse = ","),
    paste(samples[c], collapse = ","), paste(fold[c], collapse = ",")))
}

cv <- cv.glmnet(x, Surv(time, status), family = "cox", foldid = fold)
b <- as.matrix(coef(cv, s = "lambda.min"))[, 1]
nz <- b != 0
f17 <- function(v) structure(sprintf("%.17g", v), class = "json")
model <- list(
  lambda_min = f17(cv$lambda.min), lambda_1se = f17(cv$lambda.1se), lambda = f17(cv$lambda.min),
  genes = unname(lapply(which(nz), function(j) list(gene = genes[j], coef = f17(b[j])))),
  cv = lapply(seq_along(cv$lambda), function(l) list(lambda = f17(cv$lambda[l]), cvm = f17(cv$cvm[l]), cvsd = f17(cv$cvsd[l]), nzero = as.integer(cv$nzero[l]))))
writeLines(toJSON(model, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE), file.path(out, "expected", "model.json"))
risk <- as.numeric(predict(cv, newx = x, s = "lambda.min", type = "link"))
stopifnot(isTRUE(all.equal(risk, as.numeric(x %*% b), tolerance = 1e-12)))   # no centring
writeLines(c("sample\trisk", paste0(samples, "\t", sprintf("%.17g", risk))), file.path(out, "expected", "risk.tsv"))
cat(sprintf("lambda.min = %.17g, lambda.1se = %.17g, %d genes at lambda.min, path %d\n", cv$lambda.min, cv$lambda.1se, sum(nz), length(cv$lambda)))
