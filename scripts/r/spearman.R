# R 4.2.2: the cor.test(x, y, method = "spearman") values of tests/fixtures/stats/spearman.json.
# Rscript scripts/r/spearman.R > tests/fixtures/stats/spearman.json
num <- function(v) paste0("[", paste(ifelse(is.na(v), "null", ifelse(is.infinite(v), ifelse(v > 0, '"Inf"', '"-Inf"'), sprintf("%.17g", v))), collapse = ","), "]")
out <- character()
add <- function(name, x, y) {
  t <- suppressWarnings(cor.test(x, y, method = "spearman"))
  ok <- complete.cases(x, y)
  ties <- min(length(unique(x[ok])), length(unique(y[ok]))) < sum(ok)
  exact <- sum(ok) <= 1290 && !ties
  out[length(out) + 1] <<- sprintf('{"name":"%s","x":%s,"y":%s,"n":%d,"rho":%s,"statistic":%s,"p":%s,"method":"%s"}',
    name, num(x), num(y), sum(ok), num(unname(t$estimate)), num(unname(t$statistic)), num(t$p.value),
    if (exact) "spearman-exact" else "spearman-asymptotic")
}
set.seed(9)
for (n in 2:9) add(sprintf("exact enumeration n=%d", n), rnorm(n), rnorm(n))
add("exact n=9 rho=1", 1:9 + 0.5, exp(1:9))
add("exact n=9 rho=-1", 1:9, -(1:9)^2)
add("exact n=7 strong", c(1.1, 2.3, 2.9, 4.2, 5.5, 6.1, 7.7), c(0.2, 0.1, 0.9, 1.5, 1.4, 2.2, 3.1))
add("exact n=4 rho=1", c(1, 2, 3, 4), c(10, 20, 30, 40))
for (n in c(10, 11, 20, 57, 80, 300, 1000, 1290)) { x <- rnorm(n); add(sprintf("edgeworth n=%d", n), x, 0.2 * x + rnorm(n)) }
add("edgeworth n=10 rho=1", (1:10) / 7, sqrt(1:10))
add("edgeworth n=10 rho=-1", 1:10, -(1:10))
x <- rnorm(40); add("edgeworth tiny p (clamped)", x, x + rnorm(40, sd = 0.1))
x <- rnorm(200); add("edgeworth n=200 strong", x, x + rnorm(200))
x <- rnorm(1291); add("asymptotic n=1291 no ties", x, 0.05 * x + rnorm(1291))
x <- rnorm(1500); add("asymptotic n=1500 tiny p", x, x + rnorm(1500, sd = 0.3))
x <- rnorm(1400); add("asymptotic n=1400 small p", x, 0.3 * x + rnorm(1400))
x <- round(rnorm(30), 1); add("ties asymptotic n=30", x, x + rnorm(30))
add("ties asymptotic n=5", c(1, 2, 2, 3, 5), c(2, 1, 4, 3, 5))
add("ties small n=3", c(1, 1, 2), c(3, 1, 2))
x <- round(rnorm(2000)); add("ties asymptotic n=2000 tiny p", x, x + rnorm(2000, sd = 0.5))
add("ties rho=1", c(1, 1, 2, 3, 4), c(5, 5, 6, 7, 8))
x <- rnorm(25); y <- x + rnorm(25); x[c(3, 8)] <- NA; y[c(8, 15, 20)] <- NA
add("NA pairs dropped (exact)", x, y)
x <- rnorm(1300); y <- rnorm(1300); y[1:20] <- NA
add("NA pairs dropped to n=1280 (exact)", x, y)
add("n=2", c(1, 2), c(3, 1))
add("constant y", c(1, 2, 3, 4, 5), c(2, 2, 2, 2, 2))
add("infinite values ranked", c(-Inf, 1, 2, 3, Inf, 4), c(1, 3, 2, 5, 6, 4))
cat("[\n", paste(out, collapse = ",\n"), "\n]\n")
