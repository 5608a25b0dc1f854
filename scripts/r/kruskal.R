# R 4.2.2: the kruskal.test(x, g) and pairwise.wilcox.test(x, g, p.adjust.method = "BH")
# values of tests/fixtures/stats/kruskal.json.
# Rscript scripts/r/kruskal.R > tests/fixtures/stats/kruskal.json
num <- function(v) paste0("[", paste(ifelse(is.na(v), "null", sprintf("%.17g", v)), collapse = ","), "]")
str <- function(v) paste0("[", paste(ifelse(is.na(v), "null", paste0('"', v, '"')), collapse = ","), "]")
out <- character()
# g: a character vector (NA = missing); levels: the factor levels pairwise.wilcox.test sees.
add <- function(name, x, g, levels = sort(unique(g[!is.na(g)]))) {
  k <- suppressWarnings(kruskal.test(x, g))
  f <- factor(g, levels = levels)
  adj <- suppressWarnings(pairwise.wilcox.test(x, f, p.adjust.method = "BH"))$p.value
  raw <- suppressWarnings(pairwise.wilcox.test(x, f, p.adjust.method = "none"))$p.value
  pairs <- character()
  for (i in rownames(adj)) for (j in colnames(adj)) if (match(j, levels) < match(i, levels))
    pairs[length(pairs) + 1] <- sprintf('{"level1":"%s","level2":"%s","p":%s,"p_adjusted":%s}', i, j,
      sub("^\\[(.*)\\]$", "\\1", num(raw[i, j])), sub("^\\[(.*)\\]$", "\\1", num(adj[i, j])))
  out[length(out) + 1] <<- sprintf('{"name":"%s","x":%s,"g":%s,"levels":%s,"statistic":%s,"df":%d,"p":%s,"pairs":[%s]}',
    name, num(x), str(g), str(levels), num(unname(k$statistic)), unname(k$parameter), num(k$p.value), paste(pairs, collapse = ","))
}
set.seed(10)
add("3 levels no ties (exact pairs)", c(2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7, 4.0, 2.4, 2.8, 3.4, 3.7, 2.2, 2.0),
    c(rep("normal", 5), rep("oad", 4), rep("asbestosis", 5)))
add("4 levels with ties (normal pairs)", c(1, 2, 2, 3, 4, 4, 4, 5, 6, 6, 7, 8, 8, 8, 9, 10, 3, 5, 7, 2),
    rep(c("Stage I", "Stage II", "Stage III", "Stage IV"), each = 5))
x <- c(rnorm(12), rnorm(9, 1), rnorm(15, 0.5), rnorm(7, 2))
g <- rep(c("d", "c", "b", "a"), c(12, 9, 15, 7))
add("4 levels, level order not sorted", x, g, c("d", "b", "a", "c"))
add("airquality Ozone by Month (NA x, ties)", airquality$Ozone, as.character(airquality$Month))
g <- rep(c("x", "y", "z"), c(60, 55, 70)); x <- rnorm(185, mean = c(x = 0, y = 2, z = 4)[g])
add("3 levels of 50+ (normal, deep tail)", x, g)
x <- rnorm(30); g <- rep(c("p", "q", "r"), 10); x[c(2, 9)] <- NA; g[c(4, 5, 17)] <- NA
add("NA in values and groups", x, g)
add("a level of one value", c(5.5, 1.2, 2.3, 3.1, 4.8, 6.6, 7.2), c("a", "b", "b", "b", "c", "c", "c"))
add("all values tied", c(3, 3, 3, 3, 3, 3), c("a", "a", "b", "b", "c", "c"))
add("two levels", c(1.5, 2.5, 3.5, 0.5, 6.1, 7.2, 8.3), c("lo", "lo", "lo", "lo", "hi", "hi", "hi"))
library(survival)
d <- colon[colon$etype == 1, ]
add("colon age by differ (3 levels, ties, NA group)", d$age, c("well", "moderate", "poor")[d$differ], c("well", "moderate", "poor"))
add("colon nodes by extent (4 levels, many ties)", d$nodes, c("submucosa", "muscle", "serosa", "contiguous")[d$extent],
    c("submucosa", "muscle", "serosa", "contiguous"))
cat("[\n", paste(out, collapse = ",\n"), "\n]\n")
