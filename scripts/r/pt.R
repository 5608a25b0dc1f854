# R 4.2.2: pt(t, df, lower.tail) values of tests/fixtures/stats/pt.json (the t tail of cor.test).
# Rscript scripts/r/pt.R > tests/fixtures/stats/pt.json
grid <- expand.grid(t = c(-1e60, -40, -3.2, -0.5, 0, 0.7, 2.1, 12, 35, 1e9, 1e60), df = c(1, 3, 28, 1288, 5e5), lower = c(TRUE, FALSE))
p <- mapply(function(t, df, lower) pt(t, df, lower.tail = lower), grid$t, grid$df, grid$lower)
cat("[\n", paste(sprintf('{"t":%.17g,"df":%.17g,"lower":%s,"p":%.17g}', grid$t, grid$df, tolower(grid$lower), p), collapse = ",\n"), "\n]\n")
