#!/usr/bin/python3
"""Writes NumPy's answers for the expression language's functions and operators.

Run once, from the repository root, with NumPy 1.24+ (Debian's python3-numpy):

    /usr/bin/python3 runtime/src/test/python/numpy_language.py > runtime/src/test/resources/numpy/language.tsv

NEP 50 promotion is switched on, as the runtime has it. The output is tab separated:

    data  <name>  <dtype>  <values, comma separated>
    case  <expression>  <dtype or 'error'>  <values>  <ulps>  <'signless-zeros' or nothing>

Floats are written as Python's float.hex (exact), NaN as nan. A case is 'error' where NumPy
refuses it or gives a type expressions do not have (int8, float16); the runtime must refuse
it too. <ulps> is 0 where the answer must match bit for bit (NaN payloads aside), otherwise the
distance in units in the last place allowed (C's math library and Java's may each be 1 ulp off
the exact value, and the vector library 2 more off Java's).
"""
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")
np._set_promotion_state("weak")
rng = np.random.default_rng(14)

N = 48


def padded(specials, random, dtype):
    values = list(specials)[:N]
    values += list(random(N - len(values)))
    return np.array(values, dtype=dtype)


x = padded([np.nan, np.inf, -np.inf, 0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1.0, -1.0, 0.5, -0.5,
            1.5, -1.5, 2.5, -2.5, 3.0, 1e300, -1e300, 0.1, 0.9999999, 1.0000001, 7.0, -7.0, 1e-10, 100.0,
            4503599627370497.0, -0.49999999999999994, 710.0, -745.0, 2.0, 0.25],
           lambda n: rng.normal(0, 10, n), np.float64)
y = padded([1.0, -1.0, 2.0, -2.0, np.inf, -np.inf, 0.0, -0.0, np.nan, 3.0, 0.5, -0.5, 1e-300, 7.0, -7.0, 0.1],
           lambda n: rng.normal(0, 5, n), np.float64)
f = padded([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e-45, 1.0, -1.0, 0.5, 1.5, -1.5, 2.5, -2.5, 3.0, 3e38, -3e38,
            0.1, 7.0, -7.0, 100.0, 2.0],
           lambda n: rng.normal(0, 10, n), np.float32)
i = padded([0, 1, -1, 2, -2, 7, -7, 2**31 - 1, -2**31, 100, -100, 46341, 3, -3],
           lambda n: rng.integers(-1000, 1000, n), np.int32)
l = padded([0, 1, -1, 2, -2, 7, -7, 2**63 - 1, -2**63, 2**53 + 1, -(2**40), 100, 3, -3],
           lambda n: rng.integers(-10**12, 10**12, n), np.int64)
j = padded([1, -1, 2, -2, 3, 7, -7, 31, 32, 33, 63, 64, 65, -64, 100],
           lambda n: rng.choice([k for k in range(-70, 71) if k != 0], n), np.int32)
m = padded([1, -1, 2, -2, 3, 7, -7, 63, 64, 2**62, -(2**62), 100],
           lambda n: rng.choice([k for k in range(-70, 71) if k != 0], n), np.int64)
b = rng.random(N) < 0.5
c = rng.random(N) < 0.5
DATA = {"x": x, "y": y, "f": f, "i": i, "l": l, "j": j, "m": m, "b": b, "c": c}

NAMESPACE = dict(DATA)
for name in ["floor", "ceil", "trunc", "rint", "round", "sign", "square", "reciprocal", "exp2", "log2", "arcsinh",
             "arccosh", "arctanh", "isnan", "isinf", "isfinite", "signbit", "copy", "ones_like", "fmod", "copysign",
             "nextafter", "clip", "maximum", "minimum", "arcsin", "arccos", "arctan", "arctan2", "where", "sqrt",
             "exp", "log", "sin", "cos", "tan", "tanh", "absolute"]:
    NAMESPACE[name] = getattr(np, name)
NAMESPACE.update(asinh=np.arcsinh, acosh=np.arccosh, atanh=np.arctanh, abs=np.abs, atan2=np.arctan2,
                 pi=np.pi)

# maximum and minimum of 0.0 and -0.0 give either, as NumPy's SIMD loops have it: compared as numbers.
SIGNLESS_ZEROS = {"maximum", "minimum"}
EXACT = {"floor", "ceil", "trunc", "rint", "round", "sign", "square", "reciprocal", "isnan", "isinf", "isfinite",
         "signbit", "copy", "ones_like", "fmod", "copysign", "nextafter", "clip", "maximum", "minimum", "where",
         "sqrt", "abs", "absolute"}
MATH_ULPS = 4

UNARY = ["floor", "ceil", "trunc", "rint", "round", "sign", "square", "exp2", "log2", "arcsinh", "arccosh",
         "arctanh", "asinh", "acosh", "atanh", "isnan", "isinf", "isfinite", "signbit", "copy", "ones_like",
         "arcsin", "arccos", "arctan", "absolute", "abs"]
CASES = []
for function in UNARY:
    for operand in ["x", "f", "i", "l", "b"]:
        CASES.append(f"{function}({operand})")
for operand in ["x", "f", "j", "m", "b"]:
    CASES.append(f"reciprocal({operand})")
for function in ["fmod", "copysign", "nextafter", "arctan2", "maximum", "minimum"]:
    for pair in ["x, y", "f, f", "y, f", "i, j", "l, m", "j, f", "b, c", "b, x", "x, 2", "f, 2.5", "i, 3", "b, 2"]:
        CASES.append(f"{function}({pair})")
for op in ["//", "%", "+", "-", "*", "/", "**", "&", "|", "^", "<<", ">>", "<", "==", ">="]:
    for pair in [("x", "y"), ("f", "f"), ("i", "j"), ("l", "m"), ("j", "m"), ("x", "f"), ("b", "c"), ("b", "x"),
                 ("b", "f"), ("b", "i"), ("b", "l"), ("b", "2"), ("b", "2.5"), ("3", "b"), ("x", "3"), ("l", "3"),
                 ("i", "7"), ("f", "-2.5"), ("7", "j"), ("-7.5", "y")]:
        if op == "**" and pair[0] in "ijlm" and pair[1] in "ijm":
            continue  # negative integer powers are errors in NumPy and here alike: tested apart
        left = "(%s)" % pair[0] if op == "**" and pair[0].startswith("-") else pair[0]  # -7.5 ** y is -(7.5 ** y)
        CASES.append(f"{left} {op} {pair[1]}")
for op in ["~", "-"]:
    for operand in ["i", "l", "b", "x"]:
        CASES.append(f"{op}{operand}")
CASES += [
    "clip(x, -1, 1)", "clip(x, y, 2.5)", "clip(f, 0, 1)", "clip(i, -3, 3)", "clip(l, j, m)", "clip(i, -1.5, 1.5)",
    "clip(b, 0, 1)",
    "0.25 * (x < 5) + 0.33 * (x >= 5)", "(x > 0) + (f > 0)", "(x > 0) * 2", "(x > 0) * f", "(i > 0) - (l < 0)",
    "where(b, 1, 0)", "where(b, x, 0)", "where(b, c, 2)", "b * 1.5 + c",
    # Not where(b, f, 2): NumPy 1.24's where is no ufunc and takes 2 as int64 (float64 result);
    # the runtime's where is typed as a ufunc under NEP 50 (float32), as NumPy 2's.
    "cos(3) * f", "cos(3) * x", "abs(-3) * i", "maximum(2, 3) * i", "sqrt(4) * f", "exp2(3) * j", "2 * f", "2.5 * f",
    "(x > 0) & (y < 3)", "(x > 0) | (y < 3)", "~(x > 0) ^ b", "x // 0.0", "-x // 0.0", "0.0 // x",
    "x ** 2", "x ** 3", "x ** 4", "x ** -1", "x ** -2", "x ** -3", "f ** 3", "f ** -2", "x ** 0", "x ** 1",
    "i ** 2", "i ** 3", "l ** 3",
    "round(x * 10) / 10", "trunc(x / 3)", "sign(x) * floor(abs(x))",
]


# The runtime's documented differences from NumPy, written here as the runtime computes them:
# - integer // and % by zero throw ArithmeticException (NumPy gives 0 and a warning): 'error';
# - powers keep Java's Math.pow rules (docs/expressions.md): pow(1, nan) and pow(+-1, +-inf) are
#   NaN, where C (and NumPy) give 1.
INTEGER_DIVISIONS = {"//", "%"}


def deviations(case, result):
    words = case.split(" ")
    if len(words) == 3 and words[1] in INTEGER_DIVISIONS and result.dtype.kind in "iu":
        divisor = eval(words[2], {"np": np}, NAMESPACE)
        if np.any(np.asarray(divisor) == 0):
            return None
    if len(words) == 3 and words[1] == "**" and result.dtype.kind == "f":
        base = np.broadcast_to(eval(words[0], {"np": np}, NAMESPACE), (N,)).astype(np.float64)
        exponent = np.broadcast_to(eval(words[2], {"np": np}, NAMESPACE), (N,)).astype(np.float64)
        result = result.copy()
        result[(np.abs(base) == 1) & ~np.isfinite(exponent)] = np.nan
    return result


def text(value, dtype):
    if dtype.kind == "f":
        return "nan" if np.isnan(value) else float(value).hex()
    if dtype.kind == "b":
        return "1" if value else "0"
    return str(int(value))


def line(*fields):
    print("\t".join(fields))


print("# NumPy %s answers for the expression language, NEP 50 promotion; written by %s"
      % (np.__version__, "runtime/src/test/python/numpy_language.py"))
for name, values in DATA.items():
    line("data", name, values.dtype.name if values.dtype != np.bool_ else "bool",
         ",".join(text(v, values.dtype) for v in values))
for case in CASES:
    # ndarray's ** takes shortcuts for some exponents (b ** 2 is np.square(b), int8 for bools):
    # the language's ** is np.power.
    python = "np.power(%s, %s)" % tuple(case.split(" ** ")) if " ** " in case else case
    try:
        result = eval(python, {"np": np}, NAMESPACE)
    except Exception:  # NumPy refuses it
        line("case", case, "error", "", "0")
        continue
    result = np.asarray(result)
    if result.dtype.name not in ("float64", "float32", "int64", "int32", "bool"):
        line("case", case, "error", "", "0")
        continue
    result = deviations(case, np.broadcast_to(result, (N,)))
    if result is None:
        line("case", case, "error", "", "0")
        continue
    names = {w for w in case.replace("(", " ").replace(")", " ").replace(",", " ").split()}
    exact = (names & EXACT or not names & set(NAMESPACE) - set(DATA)) and not {"exp2", "log2", "arcsinh", "arccosh",
            "arctanh", "asinh", "acosh", "atanh", "arcsin", "arccos", "arctan", "arctan2", "cos", "exp", "log",
            "sin", "tan", "tanh"} & names and "**" not in case
    line("case", case, result.dtype.name if result.dtype != np.bool_ else "bool",
         ",".join(text(v, result.dtype) for v in result), "0" if exact else str(MATH_ULPS),
         "signless-zeros" if names & SIGNLESS_ZEROS else "")
