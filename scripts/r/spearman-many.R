# R 4.2.2: per-gene cor.test(score, gene, method = "spearman") for tests/fixtures/stats/spearman-many.json
# (the many-gene Spearman of associate --genes: score on some columns of a matrix).
# Rscript scripts/r/spearman-many.R > tests/fixtures/stats/spearman-many.json
num <- function(v) paste0("[", paste(ifelse(is.na(v), "null", sprintf("%.17g", v)), collapse = ","), "]")
out <- character()
add <- function(name, m, cols, score) {
  res <- t(apply(m[, cols, drop = FALSE], 1, function(g) {
    ok <- complete.cases(score, g)
    if (sum(ok) < 2) return(c(NA, NA, 0, sum(ok)))
    t <- suppressWarnings(cor.test(score, g, method = "spearman"))
    ties <- min(length(unique(score[ok])), length(unique(g[ok]))) < sum(ok)
    c(t$estimate, t$p.value, as.numeric(sum(ok) <= 1290 && !ties), sum(ok))
  }))
  out[length(out) + 1] <<- sprintf('{"name":"%s","rows":[%s],"columns":%s,"score":%s,"rho":%s,"p":%s,"exact":%s,"n":%s}',
    name, paste(apply(m, 1, num), collapse = ","), num(cols - 1), num(score), num(res[, 1]), num(res[, 2]), num(res[, 3]), num(res[, 4]))
}
set.seed(11)
nc <- 60; cols <- sample(nc, 45); score <- rnorm(45)
m <- matrix(rnorm(12 * nc), 12, nc)
m[2, ] <- 7                                   # constant gene
m[3, ] <- round(m[3, ], 1)                    # ties: t approximation
m[4, cols] <- score * 2 + 1                   # rho = 1
m[5, cols] <- -exp(score)                     # rho = -1
m[6, cols[c(3, 10, 11)]] <- NA                # missing values: fewer pairs
m[7, cols] <- score + rnorm(45, sd = 0.2)     # tiny p
m[8, cols[-1]] <- NA                          # one pair left
m[9, cols] <- 0.3 * score + rnorm(45)
m[10, cols[-(1:3)]] <- 3                      # constant but for 3 values
m[11, ] <- c(-0, 0, m[11, -(1:2)])            # -0 and 0 tie
m[11, cols[1:2]] <- c(-0, 0)
add("45 of 60 columns, exact AS 89", m, cols, score)
add("score with ties", m, cols, round(score, 1))
sc <- score; sc[c(5, 6)] <- NA
add("score with NA", m, cols, sc)
n <- 1300; m <- matrix(rnorm(3 * n), 3, n); score <- rnorm(n)
m[2, ] <- 0.2 * score + rnorm(n); m[3, 1:15] <- NA
add("n = 1300: asymptotic, and exact after NA pairs drop to 1285", m, 1:n, score)
cat("[\n", paste(out, collapse = ",\n"), "\n]\n")
