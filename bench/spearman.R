# R side of bench/spearman.js for one cancer: rho of the score with every gene by
# cor(..., method = "spearman"), and the p-value of each by cor.test. Prints the two CPU times (user + system).
# Rscript bench/spearman.R PREFIX genes samples  (reads PREFIX.bin, PREFIX-score.bin; writes PREFIX-r.bin)
a <- commandArgs(TRUE); prefix <- a[1]; ng <- as.integer(a[2]); n <- as.integer(a[3])
m <- matrix(readBin(paste0(prefix, ".bin"), "double", ng * n), n, ng) # samples × genes
score <- readBin(paste0(prefix, "-score.bin"), "double", n)
t1 <- sum(system.time(rho <- suppressWarnings(cor(score, m, method = "spearman")[1, ]))[c("user.self", "sys.self")])
t2 <- sum(system.time(p <- suppressWarnings(apply(m, 2, function(g) cor.test(score, g, method = "spearman")$p.value)))[c("user.self", "sys.self")])
writeBin(c(rho, p), paste0(prefix, "-r.bin"))
cat(t1, t2, "\n")
