# Dev-only: R references for tests/fixtures/nomogram/<case>/expected.json (model nomogram).
# R 4.2.2, rms 6.5-0, survival 3.5-3, Hmisc. Run from the project root:
#   Rscript scripts/r/nomogram-fixture.R [../shared/data]
# Each case folder holds its inputs (clinical.tsv and/or scores.tsv), the migrascore
# arguments (case.json) and what rms computes: cph(Surv ~ predictors, surv = TRUE,
# x = TRUE, y = TRUE, time.inc = u) with datadist() of the model's complete cases;
# nomogram(fit, fun = list(function(x) surv(t1, x), ...), lp = TRUE) with surv <-
# Survival(fit); and calibrate(fit, cmethod = "KM", u = u, m = floor(n / groups), B = 2)
# (its apparent columns mean.predicted, KM, std.err, which the bootstrap does not touch),
# checked against groupkm() on calibrate's cuts.
suppressMessages({ library(rms); library(jsonlite) })
stopifnot(packageVersion("rms") == "6.5.0")
args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[1] else "../shared/data"
out_dir <- "tests/fixtures/nomogram"

num <- function(x) structure(paste0("[", paste(ifelse(is.finite(x), sprintf("%.17g", x), "null"), collapse = ","), "]"), class = "json")
one <- function(x) structure(if (is.finite(x)) sprintf("%.17g", x) else "null", class = "json")

run_case <- function(name, d, predictors, times, u, groups, args, note) {
  dir.create(file.path(out_dir, name), recursive = TRUE, showWarnings = FALSE)
  d <- d[complete.cases(d[, c("time", "status", predictors)]), ]
  dd <<- datadist(d[, predictors, drop = FALSE]); options(datadist = "dd")
  f <- as.formula(paste("Surv(time, status) ~", paste(predictors, collapse = " + ")))
  fit <- cph(f, data = d, surv = TRUE, x = TRUE, y = TRUE, time.inc = u)
  surv <- Survival(fit)
  funs <- lapply(times, function(t) { force(t); function(x) surv(t, x) })
  names(funs) <- paste0("S(", times, ")")
  nom <- nomogram(fit, fun = funs, lp = TRUE)
  info <- attr(nom, "info")
  axes <- lapply(predictors, function(p) list(name = p,
    values = if (is.numeric(nom[[p]][[1]])) num(nom[[p]][[1]]) else as.character(nom[[p]][[1]]),
    points = num(nom[[p]]$points)))
  total <- nom[["total.points"]]$x
  fun_axes <- lapply(seq_along(times), function(i) {
    a <- nom[[names(funs)[i]]]
    lp_at_total <- info$Intercept + total / info$sc
    list(time = one(times[i]), values = num(a$x.real), points = num(a$x),
         surv_at_total_points = num(surv(times[i], lp_at_total)))
  })
  m <- floor(nrow(d) / groups)
  stopifnot(floor(nrow(d) / m) == groups)
  set.seed(1)
  cal <- suppressWarnings(calibrate(fit, cmethod = "KM", u = u, m = m, B = 2))
  pred <- attr(cal, "predicted")
  cuts <- unique(quantile(c(0, 1, pred), seq(0, 1, length = groups + 1), na.rm = TRUE))
  gk <- groupkm(pred, Surv(d$time, d$status), u = u, cuts = cuts)
  stopifnot(isTRUE(all.equal(unname(gk[, "KM"]), unname(cal[, "KM"]))))
  v <- diag(fit$var)
  out <- list(
    note = note, args = args,
    n = nrow(d), events = sum(d$status),
    terms = names(coef(fit)), coef = num(unname(coef(fit))), se = num(unname(sqrt(v))),
    hr = num(unname(exp(coef(fit)))),
    hr_lower = num(unname(exp(coef(fit) - qnorm(0.975) * sqrt(v)))),
    hr_upper = num(unname(exp(coef(fit) + qnorm(0.975) * sqrt(v)))),
    loglik = num(fit$loglik), means = num(unname(fit$means)), center = one(fit$center),
    baseline = list(time = num(fit$time), surv = num(fit$surv)),
    linear_predictors = num(unname(fit$linear.predictors)),
    nomogram = list(scale = one(info$sc), intercept = one(info$Intercept), predictors = axes,
      total_points = num(total), lp = list(values = num(nom$lp$x.real), points = num(nom$lp$x)),
      survival = fun_axes),
    calibration = list(time = one(u), groups = groups, m = m, cuts = num(cuts), predicted = num(pred),
      mean_predicted = num(unname(cal[, "mean.predicted"])), observed = num(unname(cal[, "KM"])),
      std_err = num(unname(cal[, "std.err"])), n = as.integer(gk[, "n"]), events = as.integer(gk[, "events"])))
  writeLines(toJSON(out, auto_unbox = TRUE, pretty = TRUE, json_verbatim = TRUE, null = "null", na = "null"),
             file.path(out_dir, name, "expected.json"))
  cat(name, ": n =", nrow(d), ", events =", sum(d$status), "\n")
}

# Case 1: survival::lung, age + sex + ph.ecog (sex as text: a factor, reference Female).
lung_in <- survival::lung
lung <- data.frame(id = sprintf("P%03d", seq_len(nrow(lung_in))), time = lung_in$time, status = lung_in$status,
                   age = lung_in$age, sex = c("Male", "Female")[lung_in$sex], ph.ecog = lung_in$ph.ecog)
dir.create(file.path(out_dir, "lung"), recursive = TRUE, showWarnings = FALSE)
write.table(lung, file.path(out_dir, "lung", "clinical.tsv"), sep = "\t", quote = FALSE, row.names = FALSE, na = "NA")
lung$status <- lung$status - 1
run_case("lung", lung, c("age", "sex", "ph.ecog"), c(365, 730), 365, 5,
  c("--clinical", "clinical.tsv", "--id", "id", "--time", "time", "--event", "status",
    "--covariates", "age,sex,ph.ecog", "--times", "365,730", "--calibrate-time", "365", "--groups", "5"),
  "survival::lung: cph(Surv(time, status) ~ age + sex + ph.ecog), survival at 1 and 2 years, calibration at 365 days in 5 groups")

# Case 2: TCGA ACC, a gene score (mean log2(x+1) of five migrasome genes from the
# mini pan-cancer matrix) + age + AJCC stage (a factor), OS from TCGA-CDR.
expr <- read.delim(gzfile(file.path(data_dir, "tcga-mini-pancan.rsem.tsv.gz")), check.names = FALSE)
genes <- c("TSPAN4|7106", "ITGA5|3678", "NDST1|3340", "PIGK|10026", "TSPAN9|10867")
samples <- read.delim(file.path(data_dir, "tcga-mini-pancan.samples.tsv"), header = FALSE)
acc <- samples$V1[samples$V2 == "ACC" & substr(samples$V1, 14, 15) == "01"]
stopifnot(!anyDuplicated(substr(acc, 1, 12)))
x <- as.matrix(expr[match(genes, expr[[1]]), acc])
risk <- colMeans(log2(x + 1))
dir.create(file.path(out_dir, "tcga-acc"), recursive = TRUE, showWarnings = FALSE)
write.table(data.frame(sample = acc, risk = sprintf("%.17g", risk)), file.path(out_dir, "tcga-acc", "scores.tsv"),
            sep = "\t", quote = FALSE, row.names = FALSE)
cdr <- read.delim(gzfile(file.path(data_dir, "tcga-cdr.tsv.gz")), check.names = FALSE, na.strings = c("", "NA", "[Not Available]", "[Not Applicable]", "[Unknown]", "[Discrepancy]", "[Not Evaluated]"))
cdr <- cdr[match(substr(acc, 1, 12), cdr$bcr_patient_barcode), ]
tcga <- data.frame(time = as.numeric(cdr$OS.time), status = as.numeric(cdr$OS), risk = unname(risk),
                   age_at_initial_pathologic_diagnosis = as.numeric(cdr$age_at_initial_pathologic_diagnosis),
                   ajcc_pathologic_tumor_stage = factor(cdr$ajcc_pathologic_tumor_stage))
run_case("tcga-acc", tcga, c("risk", "age_at_initial_pathologic_diagnosis", "ajcc_pathologic_tumor_stage"), c(365, 1095), 1095, 3,
  c("--scores", "scores.tsv", "--clinical", "tcga-cdr", "--endpoint", "OS",
    "--covariates", "age_at_initial_pathologic_diagnosis,ajcc_pathologic_tumor_stage", "--times", "365,1095",
    "--calibrate-time", "1095", "--groups", "3", "--time-unit", "years"),
  "TCGA ACC (79 tumours of the mini pan-cancer matrix): cph(Surv(OS.time, OS) ~ risk + age + stage), survival at 1 and 3 years, calibration at 3 years in 3 groups")
