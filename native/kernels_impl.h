/* The solver's vector kernels, included once per instruction set by kernels.c (KFN names
 * them, KATTR sets the target). Same per-element arithmetic as src/model/kernels.wat (and
 * so glmnet's coxnet1): wr_i - (del*w_i)*xj_i, w_i*(x_i*x_i); only the sums are split, into
 * eight partial sums (two 4-lane vectors) instead of the WebAssembly kernels' four. */

static KATTR double KFN(dot)(const double *a, const double *b, int n) {
  v4d s0 = {0, 0, 0, 0}, s1 = {0, 0, 0, 0};
  int i = 0;
  for (; i + 7 < n; i += 8) {
    s0 += load4(a + i) * load4(b + i);
    s1 += load4(a + i + 4) * load4(b + i + 4);
  }
  double r = hsum(s0 + s1);
  for (; i < n; i++) r += a[i] * b[i];
  return r;
}

static KATTR double KFN(resdot)(double *wr, const double *w, const double *xj, double del, const double *xk, int n) {
  const v4d d = {del, del, del, del};
  v4d s0 = {0, 0, 0, 0}, s1 = {0, 0, 0, 0};
  int i = 0;
  for (; i + 7 < n; i += 8) {
    v4d r0 = load4(wr + i) - (d * load4(w + i)) * load4(xj + i);
    v4d r1 = load4(wr + i + 4) - (d * load4(w + i + 4)) * load4(xj + i + 4);
    store4(wr + i, r0);
    store4(wr + i + 4, r1);
    s0 += r0 * load4(xk + i);
    s1 += r1 * load4(xk + i + 4);
  }
  double r = hsum(s0 + s1);
  for (; i < n; i++) {
    double t = wr[i] - (del * w[i]) * xj[i];
    wr[i] = t;
    r += t * xk[i];
  }
  return r;
}

static KATTR double KFN(resdotwsq)(double *wr, const double *w, const double *xj, double del, const double *xk, int n, double *vout) {
  const v4d d = {del, del, del, del};
  v4d s0 = {0, 0, 0, 0}, s1 = {0, 0, 0, 0}, q0 = {0, 0, 0, 0}, q1 = {0, 0, 0, 0};
  int i = 0;
  for (; i + 7 < n; i += 8) {
    v4d w0 = load4(w + i), w1 = load4(w + i + 4);
    v4d r0 = load4(wr + i) - (d * w0) * load4(xj + i);
    v4d r1 = load4(wr + i + 4) - (d * w1) * load4(xj + i + 4);
    store4(wr + i, r0);
    store4(wr + i + 4, r1);
    v4d x0 = load4(xk + i), x1 = load4(xk + i + 4);
    s0 += r0 * x0;
    s1 += r1 * x1;
    q0 += w0 * (x0 * x0);
    q1 += w1 * (x1 * x1);
  }
  double r = hsum(s0 + s1), q = hsum(q0 + q1);
  for (; i < n; i++) {
    double t = wr[i] - (del * w[i]) * xj[i];
    wr[i] = t;
    r += t * xk[i];
    q += w[i] * (xk[i] * xk[i]);
  }
  *vout = q;
  return r;
}

static KATTR double KFN(dotwsq)(const double *a, const double *b, const double *w, int n, double *vout) {
  v4d s0 = {0, 0, 0, 0}, s1 = {0, 0, 0, 0}, q0 = {0, 0, 0, 0}, q1 = {0, 0, 0, 0};
  int i = 0;
  for (; i + 7 < n; i += 8) {
    v4d x0 = load4(b + i), x1 = load4(b + i + 4);
    s0 += load4(a + i) * x0;
    s1 += load4(a + i + 4) * x1;
    q0 += load4(w + i) * (x0 * x0);
    q1 += load4(w + i + 4) * (x1 * x1);
  }
  double r = hsum(s0 + s1), q = hsum(q0 + q1);
  for (; i < n; i++) {
    r += a[i] * b[i];
    q += w[i] * (b[i] * b[i]);
  }
  *vout = q;
  return r;
}

static KATTR void KFN(res)(double *wr, const double *w, const double *xj, double del, int n) {
  const v4d d = {del, del, del, del};
  int i = 0;
  for (; i + 3 < n; i += 4) store4(wr + i, load4(wr + i) - (d * load4(w + i)) * load4(xj + i));
  for (; i < n; i++) wr[i] = wr[i] - (del * w[i]) * xj[i];
}

static KATTR double KFN(wsq)(const double *w, const double *x, int n) {
  v4d s0 = {0, 0, 0, 0}, s1 = {0, 0, 0, 0};
  int i = 0;
  for (; i + 7 < n; i += 8) {
    v4d x0 = load4(x + i), x1 = load4(x + i + 4);
    s0 += load4(w + i) * (x0 * x0);
    s1 += load4(w + i + 4) * (x1 * x1);
  }
  double r = hsum(s0 + s1);
  for (; i < n; i++) r += w[i] * (x[i] * x[i]);
  return r;
}

static KATTR void KFN(axpy)(double *y, const double *x, double c, int n) {
  const v4d d = {c, c, c, c};
  int i = 0;
  for (; i + 3 < n; i += 4) store4(y + i, load4(y + i) + d * load4(x + i));
  for (; i < n; i++) y[i] = y[i] + c * x[i];
}

static KATTR void KFN(axpy4)(double *y, const double *x1, double c1, const double *x2, double c2, const double *x3, double c3, const double *x4, double c4, int n) {
  const v4d d1 = {c1, c1, c1, c1}, d2 = {c2, c2, c2, c2}, d3 = {c3, c3, c3, c3}, d4 = {c4, c4, c4, c4};
  int i = 0;
  for (; i + 3 < n; i += 4)
    store4(y + i, (((load4(y + i) + d1 * load4(x1 + i)) + d2 * load4(x2 + i)) + d3 * load4(x3 + i)) + d4 * load4(x4 + i));
  for (; i < n; i++) y[i] = (((y[i] + c1 * x1[i]) + c2 * x2[i]) + c3 * x3[i]) + c4 * x4[i];
}

/* One coordinate-descent pass of coxnetSolver.ts over m column numbers at byte offset cols
 * of the workspace; the layout is read from the header (kernels.ts HEADER), exactly as the
 * WebAssembly pass does. Returns max v_j * del_j^2. */
static KATTR double KFN(pass)(char *base, int32_t cols, int32_t m, double sa, double omal, int32_t round) {
  int32_t *h = (int32_t *)base;
  const int n = h[0];
  char *xo = base + h[1];
  const int32_t cb = h[2];
  const double *w = (const double *)(base + h[3]);
  double *wr = (double *)(base + h[4]);
  double *a = (double *)(base + h[5]);
  double *v = (double *)(base + h[6]);
  int32_t *vRound = (int32_t *)(base + h[7]);
  int32_t *movedRound = (int32_t *)(base + h[8]);
  int32_t *moved = (int32_t *)(base + h[9]);
  double *as = (double *)(base + h[10]);
  int32_t *entered = (int32_t *)(base + h[11]);
  int32_t *active = (int32_t *)(base + h[12]);
  const int32_t *list = (const int32_t *)(base + cols);
  double dli = 0, pdel = 0;
  const double *pending = 0;
  for (int32_t t = 0; t < m; t++) {
    const int32_t j = list[t];
    const double *x = (const double *)(xo + (size_t)j * cb);
    const double aj = a[j];
    double g;
    if (aj != 0 && vRound[j] != round) {
      g = pending ? KFN(resdotwsq)(wr, w, pending, pdel, x, n, &v[j]) : KFN(dotwsq)(wr, x, w, n, &v[j]);
      vRound[j] = round;
    } else {
      g = pending ? KFN(resdot)(wr, w, pending, pdel, x, n) : KFN(dot)(wr, x, n);
    }
    pending = 0;
    if (aj == 0 && fabs(g) <= sa) continue;
    if (vRound[j] != round) {
      v[j] = KFN(wsq)(w, x, n);
      vRound[j] = round;
    }
    const double vj = v[j];
    const double u = aj * vj + g;
    const double au = fabs(u);
    const double at = au > sa ? copysign(au - sa, u) / (vj + omal) : 0;
    if (at == aj) continue;
    const double del = at - aj;
    a[j] = at;
    const double ch = vj * (del * del);
    if (ch > dli) dli = ch;
    pending = x;
    pdel = del;
    if (movedRound[j] != round) {
      movedRound[j] = round;
      as[j] = aj;
      moved[h[13]++] = j;
    }
    if (entered[j] == 0) {
      active[h[14]] = j;
      entered[j] = ++h[14];
    }
  }
  if (pending) KFN(res)(wr, w, pending, pdel, n);
  return dli;
}

/* The end of an IRLS round (coxnetSolver.ts): f += sum over the columns that moved of
 * (a_j - a_j at round start) x_j, four columns per sweep in the order they moved, exactly as
 * the JavaScript loop over axpy4/axpy does; returns 1 when some v_j del_j^2 >= cthr. */
static KATTR int KFN(fupdate)(char *base, int32_t fOff, double cthr) {
  int32_t *h = (int32_t *)base;
  const int n = h[0];
  char *xo = base + h[1];
  const int32_t cb = h[2];
  const double *a = (const double *)(base + h[5]);
  const double *v = (const double *)(base + h[6]);
  const int32_t *moved = (const int32_t *)(base + h[9]);
  const double *as = (const double *)(base + h[10]);
  double *f = (double *)(base + fOff);
  const double *cols[4];
  double dels[4];
  int again = 0, q = 0;
  for (int32_t t = 0; t < h[13]; t++) {
    const int32_t j = moved[t];
    const double del = a[j] - as[j];
    if (v[j] * (del * del) >= cthr) again = 1;
    if (del == 0) continue;
    cols[q] = (const double *)(xo + (size_t)j * cb);
    dels[q++] = del;
    if (q == 4) {
      KFN(axpy4)(f, cols[0], dels[0], cols[1], dels[1], cols[2], dels[2], cols[3], dels[3], n);
      q = 0;
    }
  }
  for (int t = 0; t < q; t++) KFN(axpy)(f, cols[t], dels[t], n);
  return again;
}

/* |x_j . wr| for the m column numbers at byte offset cols, into out (the KKT check). */
static KATTR void KFN(gradients)(char *base, int32_t cols, int32_t m, double *out) {
  int32_t *h = (int32_t *)base;
  const int n = h[0];
  char *xo = base + h[1];
  const int32_t cb = h[2];
  const double *wr = (const double *)(base + h[4]);
  const int32_t *list = (const int32_t *)(base + cols);
  for (int32_t t = 0; t < m; t++) out[t] = fabs(KFN(dot)(wr, (const double *)(xo + (size_t)list[t] * cb), n));
}
