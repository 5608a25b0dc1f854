/* Optional native build of the LASSO Cox solver's vector kernels (src/model/kernels.wat),
 * for 256-bit vectors where the CPU has AVX2: WebAssembly SIMD stops at 128 bits, and these
 * loads-bound loops run about twice as fast with 4 doubles per instruction. Built at
 * `npm install` by scripts/build-native.js when a C compiler is present; without it the
 * WebAssembly kernels are used and results agree to rounding. Node-API only (no node-gyp).
 * bind(buffer) returns the kernels over one ArrayBuffer; arguments are byte offsets into it,
 * as for the WebAssembly module. */
#include <math.h>
#include <stdint.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <node_api.h>

typedef double v4d __attribute__((vector_size(32)));

/* Unaligned 4-double load/store (columns are 16-byte aligned, not 32). */
#define DEFINE_IO(SUF, ATTR)                                                                  \
  static ATTR inline v4d load4_##SUF(const double *p) { v4d v; memcpy(&v, p, sizeof v); return v; } \
  static ATTR inline void store4_##SUF(double *p, v4d v) { memcpy(p, &v, sizeof v); }        \
  static ATTR inline double hsum_##SUF(v4d s) { return (s[0] + s[2]) + (s[1] + s[3]); }

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_AVX2_CLONE 1
DEFINE_IO(avx2, __attribute__((target("avx2"))))
#define KFN(name) name##_avx2
#define KATTR __attribute__((target("avx2")))
#define load4 load4_avx2
#define store4 store4_avx2
#define hsum hsum_avx2
#include "kernels_impl.h"
#undef KFN
#undef KATTR
#undef load4
#undef store4
#undef hsum
#endif

DEFINE_IO(base, )
#define KFN(name) name##_base
#define KATTR
#define load4 load4_base
#define store4 store4_base
#define hsum hsum_base
#include "kernels_impl.h"

typedef struct {
  double (*dot)(const double *, const double *, int);
  double (*resdot)(double *, const double *, const double *, double, const double *, int);
  double (*resdotwsq)(double *, const double *, const double *, double, const double *, int, double *);
  double (*dotwsq)(const double *, const double *, const double *, int, double *);
  void (*res)(double *, const double *, const double *, double, int);
  double (*wsq)(const double *, const double *, int);
  void (*axpy)(double *, const double *, double, int);
  void (*axpy4)(double *, const double *, double, const double *, double, const double *, double, const double *, double, int);
  double (*pass)(char *, int32_t, int32_t, double, double, int32_t);
  int (*fupdate)(char *, int32_t, double);
  void (*gradients)(char *, int32_t, int32_t, double *);
} Table;

static Table table;
static const char *isa = "base";

static void choose(void) {
  table = (Table){dot_base, resdot_base, resdotwsq_base, dotwsq_base, res_base, wsq_base, axpy_base, axpy4_base, pass_base, fupdate_base, gradients_base};
#ifdef HAVE_AVX2_CLONE
  /* MIGRASCORE_NATIVE_ISA=base keeps the portable build (tests run it on AVX2 machines too). */
  const char *asked = getenv("MIGRASCORE_NATIVE_ISA");
  __builtin_cpu_init();
  if (!(asked && strcmp(asked, "base") == 0) && __builtin_cpu_supports("avx2")) {
    table = (Table){dot_avx2, resdot_avx2, resdotwsq_avx2, dotwsq_avx2, res_avx2, wsq_avx2, axpy_avx2, axpy4_avx2, pass_avx2, fupdate_avx2, gradients_avx2};
    isa = "avx2";
  }
#endif
}

/* Each bound function keeps the buffer's base address as its data; arguments are numbers. */
#define MAXARGS 10
static int args(napi_env env, napi_callback_info info, double *out, size_t want, char **base) {
  napi_value argv[MAXARGS];
  size_t argc = MAXARGS;
  void *data;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, &data) != napi_ok || argc < want) {
    napi_throw_type_error(env, NULL, "migrascore native kernels: wrong number of arguments");
    return 0;
  }
  for (size_t k = 0; k < want; k++)
    if (napi_get_value_double(env, argv[k], &out[k]) != napi_ok) {
      napi_throw_type_error(env, NULL, "migrascore native kernels: numbers expected");
      return 0;
    }
  *base = (char *)data;
  return 1;
}

static napi_value num(napi_env env, double x) {
  napi_value v;
  napi_create_double(env, x, &v);
  return v;
}

#define D(k) ((double *)(base + (int64_t)a[k]))
#define I(k) ((int)a[k])

/* One binding per kernel: read its NARGS numbers into a[], then run BODY. */
#define BINDING(name, NARGS, BODY)                                      \
  static napi_value k_##name(napi_env env, napi_callback_info info) {   \
    double a[NARGS];                                                    \
    char *base;                                                         \
    if (!args(env, info, a, NARGS, &base)) return NULL;                 \
    BODY;                                                               \
  }

BINDING(dot, 3, return num(env, table.dot(D(0), D(1), I(2))))
BINDING(resdot, 6, return num(env, table.resdot(D(0), D(1), D(2), a[3], D(4), I(5))))
BINDING(resdotwsq, 7, return num(env, table.resdotwsq(D(0), D(1), D(2), a[3], D(4), I(5), D(6))))
BINDING(dotwsq, 5, return num(env, table.dotwsq(D(0), D(1), D(2), I(3), D(4))))
BINDING(res, 5, table.res(D(0), D(1), D(2), a[3], I(4)); return NULL)
BINDING(wsq, 3, return num(env, table.wsq(D(0), D(1), I(2))))
BINDING(axpy, 4, table.axpy(D(0), D(1), a[2], I(3)); return NULL)
BINDING(axpy4, 10, table.axpy4(D(0), D(1), a[2], D(3), a[4], D(5), a[6], D(7), a[8], I(9)); return NULL)
BINDING(pass, 5, return num(env, table.pass(base, (int32_t)a[0], (int32_t)a[1], a[2], a[3], (int32_t)a[4])))
BINDING(fupdate, 2, return num(env, table.fupdate(base, (int32_t)a[0], a[1])))
BINDING(gradients, 3, table.gradients(base, (int32_t)a[0], (int32_t)a[1], D(2)); return NULL)

/* bind(buffer): the kernels over this ArrayBuffer, which the caller keeps alive. */
static napi_value bind(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  size_t argc = 1;
  void *data = NULL;
  size_t length = 0;
  bool isBuffer = false;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || napi_is_arraybuffer(env, argv[0], &isBuffer) != napi_ok || !isBuffer ||
      napi_get_arraybuffer_info(env, argv[0], &data, &length) != napi_ok) {
    napi_throw_type_error(env, NULL, "migrascore native kernels: bind(ArrayBuffer) expected");
    return NULL;
  }
  /* Kernels address the buffer from its first 64-byte boundary, so that the workspace can
   * place columns on cache lines (a 32-byte load across two lines costs ~40 % more). */
  const size_t skip = (64 - (uintptr_t)data % 64) % 64;
  if (length < skip + 64) {
    napi_throw_range_error(env, NULL, "migrascore native kernels: buffer too small");
    return NULL;
  }
  data = (char *)data + skip;
  static const struct { const char *name; napi_callback cb; } fns[] = {
    {"dot", k_dot}, {"resdot", k_resdot}, {"resdotwsq", k_resdotwsq}, {"dotwsq", k_dotwsq}, {"res", k_res},
    {"wsq", k_wsq}, {"axpy", k_axpy}, {"axpy4", k_axpy4}, {"pass", k_pass}, {"fupdate", k_fupdate}, {"gradients", k_gradients},
  };
  napi_value obj;
  napi_create_object(env, &obj);
  for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
    napi_value fn;
    napi_create_function(env, fns[k].name, NAPI_AUTO_LENGTH, fns[k].cb, data, &fn);
    napi_set_named_property(env, obj, fns[k].name, fn);
  }
  napi_value offset;
  napi_create_uint32(env, (uint32_t)skip, &offset);
  napi_set_named_property(env, obj, "byteOffset", offset);
  return obj;
}

static pthread_once_t chosen = PTHREAD_ONCE_INIT;

/* Each worker thread loads the module again: the kernels are chosen once per process. */
static napi_value init(napi_env env, napi_value exports) {
  pthread_once(&chosen, choose);
  napi_value fn, name;
  napi_create_function(env, "bind", NAPI_AUTO_LENGTH, bind, NULL, &fn);
  napi_set_named_property(env, exports, "bind", fn);
  napi_create_string_utf8(env, isa, NAPI_AUTO_LENGTH, &name);
  napi_set_named_property(env, exports, "isa", name);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
