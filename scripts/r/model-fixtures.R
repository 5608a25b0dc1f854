# Dev-only: R references for tests/fixtures/model/<case>/case.json (LASSO Cox engine).
# R 4.2.2, glmnet 4.1-6, survival 3.5-3. Run from the project root:
#   Rscript scripts/r/model-fixtures.R [path/to/tcga-mini-pancan.rsem.tsv.gz]
# Each case.json holds the input (x as columns, time, status, foldid) and what glmnet
# returns: the path of glmnet(x, Surv(time, status), family = "cox") (lambda, dev.ratio,
# df, beta per lambda on the original scale, nulldev, npasses) and cv.glmnet(..., foldid)
# (lambda, cvm, cvsd, nzero, lambda.min, lambda.1se, coefficients at both).
suppressMessages({ library(glmnet); library(survival); library(jsonlite) })
stopifnot(packageVersion("glmnet") == "4.1.6")
args <- commandArgs(trailingOnly = TRUE)
matrix_file <- if (length(args) >= 1) args[1] else "../shared/data/tcga-mini-pancan.rsem.tsv.gz"
out_dir <- "tests/fixtures/model"

# Full-precision numbers (jsonlite rounds to 15 digits); non-finite as null.
num <- function(x) structure(paste0("[", paste(ifelse(is.finite(x), sprintf("%.17g", x), "null"), collapse = ","), "]"), class = "json")
one <- function(x) structure(if (is.finite(x)) sprintf("%.17g", x) else "null", class = "json")

write_case <- function(name, x, time, status, foldid, note, extra = list()) {
  y <- Surv(time, status)
  warn <- character(0)
  fit <- withCallingHandlers(glmnet(x, y, family = "cox"),
    warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") })
  cv <- withCallingHandlers(cv.glmnet(x, y, family = "cox", foldid = foldid),
    warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") })
  beta <- as.matrix(fit$beta)
  coefs <- function(s) as.numeric(as.matrix(coef(cv, s = s)))
  out <- list(
    note = note,
    genes = colnames(x),
    input = list(x = lapply(seq_len(ncol(x)), function(j) num(x[, j])), time = num(time), status = as.integer(status), foldid = as.integer(foldid)),
    path = list(lambda = num(fit$lambda), dev_ratio = num(fit$dev.ratio), df = as.integer(fit$df), nulldev = one(fit$nulldev),
      npasses = fit$npasses, beta = lapply(seq_len(ncol(beta)), function(l) num(beta[, l]))),
    cv = list(lambda = num(cv$lambda), cvm = num(cv$cvm), cvsd = num(cv$cvsd), nzero = as.integer(cv$nzero),
      lambda_min = one(cv$lambda.min), lambda_1se = one(cv$lambda.1se),
      coef_min = num(coefs("lambda.min")), coef_1se = num(coefs("lambda.1se")),
      fold_path_lengths = as.integer(sapply(seq_len(max(foldid)), function(k) length(glmnet(x[foldid != k, , drop = FALSE], y[foldid != k], family = "cox")$lambda)))),
    warnings = warn, extra = extra)
  dir.create(file.path(out_dir, name), recursive = TRUE, showWarnings = FALSE)
  writeLines(toJSON(out, auto_unbox = TRUE, json_verbatim = TRUE, null = "null", digits = NA), file.path(out_dir, name, "case.json"))
  cat(sprintf("%-16s n=%d p=%d events=%d path=%d lambda.min=%.6g (nzero %d) lambda.1se=%.6g (nzero %d)%s\n", name, nrow(x), ncol(x), sum(status),
    length(fit$lambda), cv$lambda.min, cv$nzero[cv$index[1]], cv$lambda.1se, cv$nzero[cv$index[2]], if (length(warn)) paste0(" warnings: ", paste(unique(warn), collapse = " | ")) else ""))
}

# 1. uvm-core-os: the shared reference case (../shared/reference/model/uvm-core-os).
local({
  ref <- "../shared/reference/model/uvm-core-os"
  genes <- strsplit(readLines(file.path(ref, "candidates.gmt")), "\t")[[1]][-(1:2)]
  ids <- c(EOGT = "C3orf64|285203", CPQ = "PGCP|10404")
  m <- read.delim(gzfile(matrix_file), check.names = FALSE, row.names = 1)
  sym <- sub("\\|.*", "", rownames(m))
  rows <- sapply(genes, function(g) if (g %in% names(ids)) match(ids[[g]], rownames(m)) else match(g, sym))
  stopifnot(!anyNA(rows))
  folds <- read.delim(file.path(ref, "folds.tsv"))
  cdr <- read.delim(gzfile("data/tcga-cdr.tsv.gz"), check.names = FALSE)
  cdr <- cdr[cdr$type == "UVM", ]
  samples <- folds$sample
  stopifnot(all(samples %in% colnames(m)))
  samples <- colnames(m)[colnames(m) %in% samples]          # matrix column order
  x <- t(log2(as.matrix(m[rows, samples]) + 1))
  colnames(x) <- genes
  clin <- cdr[match(substr(samples, 1, 12), cdr$bcr_patient_barcode), ]
  write_case("uvm-core-os", x, as.numeric(clin$OS.time), as.numeric(clin$OS), folds$fold[match(samples, folds$sample)],
    "TCGA UVM, 31 candidate genes, OS; the shared reference case")
})

# 2. lung: survival::lung, complete numeric covariates; times in days. At times >= 256 glmnet's
#    censoring shift (100 * .Machine$double.eps) is lost, so a censoring tied with a death
#    falls before or after it as glmnet's quicksort leaves them, and the fold fits exclude
#    some from the risk set. The contract's rule (censorings tied with an event are at risk)
#    is made explicit here by moving those censorings 0.001 day later; R's cv table on the
#    unmoved times is kept under extra.cv_unmoved to show how far glmnet strays from it.
local({
  d <- na.omit(survival::lung[, c("time", "status", "age", "sex", "ph.ecog", "ph.karno", "pat.karno", "meal.cal", "wt.loss")])
  x <- as.matrix(d[, -(1:2)])
  status <- d$status - 1
  set.seed(20240601)
  fold <- sample(rep(1:10, length = nrow(d)))
  tied <- status == 0 & d$time %in% d$time[status == 1]
  raw <- cv.glmnet(x, Surv(d$time, status), family = "cox", foldid = fold)
  write_case("lung", x, ifelse(tied, d$time + 0.001, d$time), status, fold,
    sprintf("survival::lung complete cases, 7 covariates; %d censorings tied with deaths moved 0.001 day later", sum(tied)),
    list(cv_unmoved = list(time = num(d$time), cvm = num(raw$cvm), cvsd = num(raw$cvsd), lambda_min = one(raw$lambda.min), lambda_1se = one(raw$lambda.1se))))
})

# 3. sim-ties: 200 x 50, integer times 1..40 (many ties between and within events and
#    censorings), a constant column, correlated columns, 8 folds.
local({
  set.seed(11)
  n <- 200; p <- 50
  z <- matrix(rnorm(n * p), n, p)
  z[, 2] <- z[, 1] + 0.3 * rnorm(n)
  z[, 7] <- 3.5
  eta <- 0.8 * z[, 1] - 0.6 * z[, 3] + 0.4 * z[, 5] - 0.3 * z[, 10]
  t <- ceiling(pmin(40, rexp(n, 0.05 * exp(eta))))
  c <- ceiling(runif(n, 5, 60))
  colnames(z) <- sprintf("G%02d", 1:p)
  write_case("sim-ties", z, pmin(t, c), as.numeric(t <= c), sample(rep(1:8, length = n)), "simulated, tied integer times, constant column G07")
})

# 4. sim-wide: 60 x 150 (n < p: lambda.min.ratio 0.01), strong signal: the path stops early
#    (deviance ratio above 0.99 or flat), folds of 6.
local({
  set.seed(5)
  n <- 60; p <- 150
  z <- matrix(rnorm(n * p), n, p)
  eta <- 2 * z[, 1] - 1.5 * z[, 2] + 1.2 * z[, 3]
  t <- rexp(n, exp(eta)) * 100
  c <- runif(n, 0, 300)
  colnames(z) <- sprintf("W%03d", 1:p)
  write_case("sim-wide", z, pmin(t, c), as.numeric(t <= c), sample(rep(1:6, length = n)), "simulated n < p with strong signal, early stop")
})

# 5. sim-null: 90 x 12 pure noise: lambda.1se selects no gene.
local({
  set.seed(3)
  n <- 90; p <- 12
  z <- matrix(rnorm(n * p), n, p)
  t <- rexp(n, 0.01)
  c <- runif(n, 20, 250)
  colnames(z) <- sprintf("N%02d", 1:p)
  write_case("sim-null", z, pmin(t, c), as.numeric(t <= c), sample(rep(1:10, length = n)), "simulated noise, no gene at lambda.1se")
})

# 6. sim-saturated: 30 x 25 (n >= p: lambda.min.ratio 1e-4), strong signal: the path stops
#    when the deviance ratio passes 0.99 (glmnet's devmax in single precision).
local({
  set.seed(2)
  n <- 30; p <- 25
  z <- matrix(rnorm(n * p), n, p)
  eta <- 3 * z[, 1] - 2 * z[, 2] + 2 * z[, 3]
  t <- rexp(n, exp(eta)) * 100
  c <- runif(n, 0, 300)
  colnames(z) <- sprintf("S%02d", 1:p)
  write_case("sim-saturated", z, pmin(t, c), as.numeric(t <= c), sample(rep(1:5, length = n)), "simulated near-separable, path stops at deviance ratio 0.99")
})

# 7. sim-maxit: 40 x 25: the path needs more than maxit = 1e5 passes, so glmnet stops and warns,
#    returning the lambdas solved so far.
local({
  set.seed(1)
  n <- 40; p <- 25
  z <- matrix(rnorm(n * p), n, p)
  eta <- 3 * z[, 1] - 2 * z[, 2] + 2 * z[, 3]
  t <- rexp(n, exp(eta)) * 100
  c <- runif(n, 0, 300)
  colnames(z) <- sprintf("M%02d", 1:p)
  write_case("sim-maxit", z, pmin(t, c), as.numeric(t <= c), sample(rep(1:5, length = n)), "simulated, path cut short by maxit")
})

# 8. sim-weights: 40 x 25, other data: two fold fits stop where an IRLS weight is not positive
#    (glmnet's "numerical error at the k-th lambda"), keeping the lambdas solved so far.
local({
  set.seed(3)
  n <- 40; p <- 25
  z <- matrix(rnorm(n * p), n, p)
  eta <- 3 * z[, 1] - 2 * z[, 2] + 2 * z[, 3]
  t <- rexp(n, exp(eta)) * 100
  c <- runif(n, 0, 300)
  colnames(z) <- sprintf("V%02d", 1:p)
  write_case("sim-weights", z, pmin(t, c), as.numeric(t <= c), sample(rep(1:5, length = n)), "simulated, fold paths cut short by a non-positive IRLS weight")
})

# 9. sim-censored-fold: 60 x 8, fold 1 holds only censored patients (no events), so its
#    deviance difference is divided by 0: cv.glmnet drops it from cvm (weight 0) but still
#    counts it among the folds for cvsd.
local({
  set.seed(9)
  n <- 60; p <- 8
  z <- matrix(rnorm(n * p), n, p)
  t <- rexp(n, 0.02 * exp(0.7 * z[, 1] - 0.5 * z[, 2]))
  c <- runif(n, 10, 80)
  status <- as.numeric(t <= c)
  fold <- sample(rep(2:6, length = n))
  fold[which(status == 0)[1:6]] <- 1
  colnames(z) <- sprintf("C%02d", 1:p)
  write_case("sim-censored-fold", z, pmin(t, c), status, fold, "simulated, fold 1 without events")
})
