# R side of bench/compare.js: R's wilcox.test(tumour, normal) on the groups of
# `migrascore compare --per-gene` (the set score, then each set gene, in every cancer),
# timed without the reading (median CPU seconds, user + system, of `reps` passes: steadier
# than elapsed time on a shared machine), p-values written out.
# Usage: Rscript bench/compare.R stats.tsv out.tsv [reps=5]
#   stats.tsv: sample, cancer, group (tumour/normal), then one column per tested variable.
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args) >= 3) as.integer(args[3]) else 5L
d <- read.delim(args[1], check.names = FALSE, stringsAsFactors = FALSE)
vars <- names(d)[-(1:3)]
groups <- lapply(split(seq_len(nrow(d)), d$cancer), function(i) list(t = i[d$group[i] == "tumour"], n = i[d$group[i] == "normal"]))
tests <- function() {
  out <- vector("list", length(groups) * length(vars))
  k <- 0L
  for (ct in names(groups)) for (v in vars) {
    x <- d[[v]]; g <- groups[[ct]]
    w <- wilcox.test(x[g$t], x[g$n])
    k <- k + 1L
    out[[k]] <- list(cancer = ct, variable = v, statistic = unname(w$statistic), p = w$p.value,
                     method = if (grepl("exact", w$method)) "exact" else "normal")
  }
  out
}
# (the "cannot compute exact p-value with ties" warnings are R's own; not printed)
cpu <- vapply(seq_len(reps), function(i) { t <- system.time(res <<- suppressWarnings(tests())); t[["user.self"]] + t[["sys.self"]] }, 0)
message(sprintf("R wilcox.test: %d tests, median %.4f s CPU over %d passes", length(res), median(cpu), reps))
res <- do.call(rbind, lapply(res, as.data.frame))
res$statistic <- sprintf("%.17g", res$statistic); res$p <- sprintf("%.17g", res$p)
write.table(res, args[2], sep = "\t", quote = FALSE, row.names = FALSE)
