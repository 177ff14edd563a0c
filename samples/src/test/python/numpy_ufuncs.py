#!/usr/bin/python3
"""Writes NumPy's answers for the ufunc methods that UfuncsNumpyTest checks jvectorize against.

Run from the repository root with the NumPy it records (1.24 here):
    /usr/bin/python3 samples/src/test/python/numpy_ufuncs.py
Output: samples/src/test/resources/io/jvectorize/samples/numpy-ufuncs.tsv, one case per line:
    method  dtype  case  agreement  a  b  indices  expected
Values are the hex of each element's 64 bits (float64 or int64), space-separated; outer results are
row-major. agreement says how jvectorize's result must compare: "exact" (bit for bit, any NaN
equal to any NaN), "rounding" (NumPy's add.reduce sums pairwise, jvectorize folds from the left:
within 1e-12 of the sum of magnitudes), or "zero-sign" (NumPy 1.24 seeds add.reduce with the
identity 0.0, so a sum of negative zeros is +0.0 there and -0.0 in the left fold).
"""
import os
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "io", "jvectorize", "samples", "numpy-ufuncs.tsv")
rng = np.random.default_rng(20261207)
np.seterr(all="ignore")  # overflow and inf - inf are cases here, not accidents
SPECIALS = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0, -1.5, 5e-324, -5e-324, 1.7976931348623157e308,
                     -1.7976931348623157e308, 2.2250738585072014e-308])


def bits(values, dtype):
    array = np.asarray(values, dtype=dtype).ravel()
    return " ".join(format(int(v) & 0xFFFFFFFFFFFFFFFF, "x") for v in array.view(np.int64))


rows = []


def case(method, dtype, name, agreement, a, expected, b=(), indices=()):
    rows.append("\t".join([method, dtype, name, agreement, bits(a, dtype), bits(b, dtype),
                           " ".join(str(int(i)) for i in indices), bits(expected, dtype)]))


f8 = np.float64
# add.reduce: exact where every partial sum is exact or special, rounding for random data.
for name, a in [("empty", []), ("one", [2.5]), ("nan", [1.0, np.nan, 2.0]), ("inf", [1.0, np.inf, 2.0]),
                ("inf-minus-inf", [np.inf, 1.0, -np.inf]), ("integers", rng.integers(-1000, 1000, 1001)),
                ("subnormals", [5e-324, 5e-324, -1e-323, 5e-324]), ("overflow", [1.7e308, 1.7e308, -1.0]),
                ("zero-and-negative-zero", [-0.0, 0.0])]:
    a = np.array(a, dtype=f8)
    case("addReduce", "float64", name, "exact", a, [np.add.reduce(a)])
for name, a in [("negative-zero", [-0.0]), ("negative-zeros", [-0.0, -0.0, -0.0])]:
    a = np.array(a, dtype=f8)
    case("addReduce", "float64", name, "zero-sign", a, [np.add.reduce(a)])
for n in [7, 100, 20011]:
    a = rng.standard_normal(n)
    case("addReduce", "float64", "normal-%d" % n, "rounding", a, [np.add.reduce(a)])
a = np.array([2**62, 2**62, 2**62, -5], dtype=np.int64)
case("addInt64Reduce", "int64", "wraps", "exact", a, [np.add.reduce(a)])
a = rng.integers(-2**40, 2**40, 1000)
case("addInt64Reduce", "int64", "random", "exact", a, [np.add.reduce(a)])
case("addInt64Reduce", "int64", "empty", "exact", np.array([], dtype=np.int64), [np.add.reduce(np.array([], np.int64))])

# maximum.accumulate: NaN propagates, the second of two zeros wins.
for name, a in [("empty", []), ("one", [np.nan]), ("specials", SPECIALS), ("specials-reversed", SPECIALS[::-1]),
                ("zeros", [0.0, -0.0, 0.0, -0.0, -0.0]), ("random", rng.standard_normal(1000)),
                ("nan-late", np.append(rng.standard_normal(50), [np.nan, 1e300]))]:
    a = np.array(a, dtype=f8)
    case("maximumAccumulate", "float64", name, "exact", a, np.maximum.accumulate(a))

# subtract.outer: every pair of specials and of random values.
for name, a, b in [("specials", SPECIALS, SPECIALS), ("random", rng.standard_normal(37), rng.standard_normal(11)),
                   ("empty-b", [1.0, 2.0], []), ("empty-a", [], [1.0])]:
    a = np.array(a, dtype=f8)
    b = np.array(b, dtype=f8)
    case("subtractOuter", "float64", name, "exact", a, np.subtract.outer(a, b), b)

# add.at: repeated indices accumulate, in order.
for name, size, k in [("repeated", 10, 1000), ("one", 1, 5), ("none", 4, 0)]:
    a = rng.standard_normal(size)
    indices = rng.integers(0, size, k)
    b = rng.standard_normal(k)
    result = a.copy()
    np.add.at(result, indices, b)
    case("addAt", "float64", name, "exact", a, result, b, indices)
a = np.array([0.0, np.inf, -0.0])
indices = np.array([0, 1, 2, 2, 0])
b = np.array([np.nan, -np.inf, -0.0, -0.0, 1.0])
result = a.copy()
np.add.at(result, indices, b)
case("addAt", "float64", "specials", "exact", a, result, b, indices)

with open(OUT, "w") as out:
    out.write("# NumPy %s answers; written by samples/src/test/python/numpy_ufuncs.py: do not edit\n" % np.__version__)
    for row in rows:
        out.write(row + "\n")
print("wrote", len(rows), "cases to", os.path.normpath(OUT))
