# R 4.2.2: the wilcox.test reference values of tests/fixtures/stats/wilcoxon.json.
# Rscript scripts/r/wilcoxon.R > tests/fixtures/stats/wilcoxon.json
set.seed(8)
out <- list()
add <- function(name, x, y, paired=FALSE) {
  t <- suppressWarnings(wilcox.test(x, y, paired=paired))
  out[[length(out)+1]] <<- sprintf('{"name":"%s","paired":%s,"x":[%s],"y":[%s],"statistic":%.17g,"p":%.17g}', name, tolower(paired), paste(sprintf("%.17g",x),collapse=","), paste(sprintf("%.17g",y),collapse=","), t$statistic, t$p.value)
}
add("exact small", c(1.2,3.4,5.1,0.3), c(2.2,7.7,8.1,9.9,4.4))
add("exact far tail", seq(1,30)+0.5, seq(31,70))
add("exact 49x49", rnorm(49, 1), rnorm(49))
add("ties normal", c(1,2,2,3,4,5), c(2,3,3,6,7))
add("normal 50", rnorm(50), rnorm(10, 0.5))
add("deep tail normal", rnorm(300, 3), rnorm(200))
add("all equal", c(1,1,1), c(1,1))
add("n1", c(5), c(1,2,3))
add("signed exact", c(1.1,2.5,3.7,4.2,5.9,6.1), c(0.5,2.0,4.0,3.0,5.0,7.3), TRUE)
add("signed zero", c(1,2,3,4,5,6,7), c(1,1.5,2,3.5,4,5,9), TRUE)
add("signed ties", c(1,2,3,4), c(0,1,2,1), TRUE)
add("signed 60", rnorm(60,0.3), rnorm(60), TRUE)
add("signed deep", rnorm(400,1), rnorm(400), TRUE)
add("signed exact 49", rnorm(49,0.5), rnorm(49), TRUE)
cat("[", gsub(":NaN", ":null", paste(unlist(out), collapse=",\n")), "]\n")
