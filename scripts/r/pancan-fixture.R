# Dev-only: R's answer for `migrascore pancan` on the embedded demo data, written as
# conformance cases (tests/fixtures/pancan/mini-os/ and mini-os-optimal/: expected_pancan.tsv
# and expected/<cancer>/{expected.json,km.tsv}). Per cancer: tumour samples matched to
# TCGA-CDR patients with OS data, GSVA 1.46 ssgsea of migrasome-core on exactly those
# samples, split at the median or at maxstat's optimal cutpoint (high = score > cut),
# survfit / survdiff / coxph / cox.zph; fdr = p.adjust("BH") over the split's own test
# (the log-rank p, or maxstat's Lau92 p when the cut was searched).
# Usage: Rscript scripts/r/pancan-fixture.R   (from the project root; R 4.2, GSVA 1.46, survival 3.5, maxstat 0.7-25)
suppressMessages({ library(GSVA); library(survival); library(maxstat); library(jsonlite) })
x <- as.matrix(read.delim(gzfile("examples/tcga-mini-pancan.rsem.tsv.gz"), row.names = 1, check.names = FALSE))
na <- c("", "NA", "[Not Available]", "[Not Applicable]", "[Unknown]", "[Discrepancy]", "[Not Evaluated]")
cdr <- read.delim(gzfile("data/tcga-cdr.tsv.gz"), na.strings = na, check.names = FALSE, stringsAsFactors = FALSE)
core <- c("TSPAN4|7106", "TSPAN7|7102", "ITGA5|3678", "ITGB1|3688", "NDST1|3340", "C3orf64|285203",
          "PIGK|10026", "PGCP|10404", "PIP5K1A|8394", "RAB35|11021", "SGMS2|166929")
bar <- colnames(x)
pat <- substr(bar, 1, 12); typ <- substr(bar, 14, 15); vial <- substr(bar, 16, 16)
tum <- typ %in% sprintf("%02d", 1:9)
ord <- order(pat, typ, vial, bar)
pick <- ord[tum[ord]]; pick <- pick[!duplicated(pat[pick])]
sample_of <- setNames(bar[pick], pat[pick])

num <- function(v) if (is.null(v) || length(v) == 0 || is.na(v) || !is.finite(v)) NULL else unname(v)
tests <- function(fit) {
  s <- summary(fit)
  z <- cox.zph(fit, transform = "km", terms = FALSE)$table
  list(
    terms = lapply(seq_len(nrow(s$coefficients)), function(i) list(
      term = sub("^group", "group=", rownames(s$coefficients)[i]),
      coef = s$coefficients[i, 1], se = s$coefficients[i, 3], hr = s$coefficients[i, 2],
      hr_lower = s$conf.int[i, 3], hr_upper = s$conf.int[i, 4], z = s$coefficients[i, 4], p = s$coefficients[i, 5])),
    loglik = fit$loglik,
    lrt = list(chisq = 2 * diff(fit$loglik), df = sum(!is.na(coef(fit))), p = s$logtest[["pvalue"]]),
    wald = list(chisq = fit$wald.test, df = sum(!is.na(coef(fit))), p = s$waldtest[["pvalue"]]),
    score = list(chisq = fit$score, df = sum(!is.na(coef(fit))), p = s$sctest[["pvalue"]]),
    concordance = list(c = s$concordance[[1]], se = s$concordance[[2]]),
    ph_test = lapply(seq_len(nrow(z)), function(i) list(term = sub("^group", "group=", rownames(z)[i]), chisq = z[i, 1], df = z[i, 2], p = z[i, 3])))
}
write_case <- function(out, split) {
rows <- list()
for (ct in sort(unique(cdr$type[cdr$type %in% c("ACC", "DLBC", "UCS", "UVM")]))) {
  cl <- cdr[cdr$type == ct & !is.na(cdr$OS) & !is.na(cdr$OS.time) & cdr$bcr_patient_barcode %in% names(sample_of), ]
  es <- gsva(x[, sample_of[cl$bcr_patient_barcode], drop = FALSE], list(`migrasome-core` = core), method = "ssgsea", verbose = FALSE)
  cl$score <- es[1, ]
  if (split == "median") {
    cut <- median(cl$score); cutpoint <- list(method = "median", value = cut); p_adj <- NA
  } else {
    mt <- maxstat.test(Surv(OS.time, OS) ~ score, data = cl, smethod = "LogRank", pmethod = "Lau92", minprop = 0.1)
    cut <- unname(mt$estimate); p_adj <- mt$p.value
    cutpoint <- list(method = "optimal", value = cut, statistic = unname(mt$statistic), p_adjusted = p_adj, minprop = 0.1)
  }
  cl$group <- factor(ifelse(cl$score > cut, "high", "low"), levels = c("low", "high"))
  km <- survfit(Surv(OS.time, OS) ~ group, cl)
  tab <- summary(km)$table
  sk <- summary(km, censored = TRUE)
  dir.create(file.path(out, "expected", ct), recursive = TRUE, showWarnings = FALSE)
  write.table(data.frame(group = sub("group=", "", sk$strata), time = sk$time, n_risk = sk$n.risk, n_event = sk$n.event,
                         n_censor = sk$n.censor, surv = sprintf("%.17g", sk$surv), std_err = sprintf("%.17g", sk$std.err),
                         lower = sprintf("%.17g", sk$lower), upper = sprintf("%.17g", sk$upper)),
              file.path(out, "expected", ct, "km.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
  sd <- survdiff(Surv(OS.time, OS) ~ group, cl)
  lr_p <- pchisq(sd$chisq, length(sd$n) - 1, lower.tail = FALSE)
  cg <- coxph(Surv(OS.time, OS) ~ group, cl)
  cc <- coxph(Surv(OS.time, OS) ~ score, cl)
  cct <- tests(cc); cct$terms[[1]]$term <- "migrasome-core"; cct$ph_test[[1]]$term <- "migrasome-core"
  exp <- list(
    n = nrow(cl), events = sum(cl$OS),
    groups = lapply(c("low", "high"), function(g) { r <- tab[paste0("group=", g), ]
      list(group = g, n = r[["records"]], events = r[["events"]], median = num(r[["median"]]),
           median_lower = num(r[["0.95LCL"]]), median_upper = num(r[["0.95UCL"]])) }),
    logrank = list(chisq = sd$chisq, df = length(sd$n) - 1, p = lr_p),
    cutpoint = cutpoint,
    cox = tests(cg), cox_continuous = cct)
  # JSON has no Inf: non-finite numbers become null, as in summary.json (contract)
  writeLines(toJSON(exp, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), file.path(out, "expected", ct, "expected.json"))
  s <- summary(cg)$coefficients; ci <- summary(cg)$conf.int; sc <- summary(cc)$coefficients
  rows[[ct]] <- data.frame(cancer = ct, n = nrow(cl), events = sum(cl$OS), hr = s[1, 2], hr_lower = ci[1, 3], hr_upper = ci[1, 4],
                           p = s[1, 5], logrank_p = lr_p, p_adjusted = p_adj, hr_continuous = sc[1, 2], p_continuous = sc[1, 5], cutpoint = cut)
}
pc <- do.call(rbind, rows)
pc$fdr <- p.adjust(if (split == "median") pc$logrank_p else pc$p_adjusted, "BH"); pc$fdr_continuous <- p.adjust(pc$p_continuous, "BH")
pc <- pc[, c("cancer", "n", "events", "hr", "hr_lower", "hr_upper", "p", "logrank_p", "p_adjusted", "fdr", "hr_continuous", "p_continuous", "fdr_continuous", "cutpoint")]
inf_cols <- names(pc)[-1][sapply(pc[-1], function(v) any(is.infinite(v)))]
for (k in names(pc)[-1]) pc[[k]] <- ifelse(is.na(pc[[k]]), "NA", sprintf("%.17g", pc[[k]]))
if (length(inf_cols) == 0) {
  write.table(pc, file.path(out, "expected_pancan.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
} else {
  # The conformance runner cannot match Inf with Inf (Inf - Inf is NaN): a column holding
  # Inf (hr_upper of a coefficient that may be infinite) is compared on its finite rows
  # only, as a subset table; an expect.json manifest lists every comparison.
  write.table(pc[, setdiff(names(pc), inf_cols)], file.path(out, "expected_pancan.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
  subset <- lapply(inf_cols, function(k) {
    f <- paste0("expected_pancan_", k, ".tsv")
    write.table(pc[pc[[k]] != "Inf" & pc[[k]] != "-Inf", c("cancer", k)], file.path(out, f), sep = "\t", quote = FALSE, row.names = FALSE)
    list(output = "pancan.tsv", expected = f, keys = list("cancer"))
  })
  compare <- c(list(list(output = "pancan.tsv", expected = "expected_pancan.tsv", keys = list("cancer"))),
               unlist(lapply(pc$cancer, function(ct) list(
                 list(output = paste0(ct, "/summary.json"), expected = paste0("expected/", ct, "/expected.json")),
                 list(output = paste0(ct, "/km.tsv"), expected = paste0("expected/", ct, "/km.tsv"), keys = list("group", "time")))), recursive = FALSE))
  writeLines(toJSON(list(compare = compare, subset = subset), auto_unbox = TRUE, pretty = TRUE), file.path(out, "expect.json"))
}
}
write_case("tests/fixtures/pancan/mini-os", "median")
write_case("tests/fixtures/pancan/mini-os-optimal", "optimal")
