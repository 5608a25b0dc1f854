# R side of bench/associate.js: what `migrascore associate --genes` computes, the way an R user
# would: per cancer, cor(score, t(expr), method = "spearman") for every gene, and
# cor.test(score, gene, method = "spearman")$p.value per gene. The scores are migrascore's
# (its scores.tsv), so R needs no GSVA. cor() is timed in full; cor.test on K random genes per
# cancer, extrapolated to all genes (per cancer, then summed).
# Rscript bench/associate.R MATRIX SCORES OUTPREFIX K SEED
#   writes OUTPREFIX-rho.tsv (cancer, gene, rho: every pair), OUTPREFIX-p.tsv (cancer, gene, p:
#   the sampled pairs) and OUTPREFIX-times.tsv (per cancer: n, seconds of each part).
suppressPackageStartupMessages(library(data.table))
a <- commandArgs(TRUE)
matrixFile <- a[1]; scoresFile <- a[2]; prefix <- a[3]; K <- as.integer(a[4]); seed <- as.integer(a[5])
cpu <- function(t) sum(t[c("user.self", "sys.self", "user.child", "sys.child")], na.rm = TRUE)

tRead <- system.time(dt <- fread(matrixFile, sep = "\t", header = TRUE, showProgress = FALSE))
genes <- dt[[1]]
ng <- length(genes)
sc <- fread(scoresFile, sep = "\t", header = TRUE, showProgress = FALSE)
scoreCol <- names(sc)[4]
cancers <- unique(sc$cancer)
set.seed(seed)

times <- list(); rhoOut <- list(); pOut <- list()
for (type in cancers) {
  s <- sc[sc$cancer == type]  # (not `cancer`: inside [ ] that name is the column)
  cols <- s$sample
  score <- s[[scoreCol]]
  tSub <- system.time(x <- as.matrix(dt[, ..cols]))  # genes × samples of this cancer
  tCor <- system.time(rho <- suppressWarnings(cor(score, t(x), method = "spearman")[1, ]))
  idx <- sort(sample.int(ng, min(K, ng)))
  tTest <- system.time(p <- vapply(idx, function(g) suppressWarnings(cor.test(score, x[g, ], method = "spearman")$p.value), 0))
  times[[type]] <- data.table(cancer = type, n = length(score), subset_cpu = cpu(tSub), subset_wall = tSub[["elapsed"]],
    cor_cpu = cpu(tCor), cor_wall = tCor[["elapsed"]], test_k = length(idx), test_cpu = cpu(tTest), test_wall = tTest[["elapsed"]])
  rhoOut[[type]] <- data.table(cancer = type, gene = genes, rho = sprintf("%.17g", rho))  # every digit
  pOut[[type]] <- data.table(cancer = type, gene = genes[idx], p = sprintf("%.17g", p))
  rm(x)
}
times <- rbindlist(times)
times[, `:=`(read_cpu = cpu(tRead), read_wall = tRead[["elapsed"]], genes = ng)]
fwrite(rbindlist(rhoOut), paste0(prefix, "-rho.tsv"), sep = "\t", quote = FALSE)
fwrite(rbindlist(pOut), paste0(prefix, "-p.tsv"), sep = "\t", quote = FALSE)
fwrite(times, paste0(prefix, "-times.tsv"), sep = "\t", quote = FALSE)
