#!/usr/bin/python3
"""Writes numexpr's own test expressions, with their data and NumPy's answers, as test data.

numexpr's test_numexpr.py (test_expressions) evaluates a list of expressions on arrays of
four dtypes (int64, float32, float64, complex128), each also with `a` or `b` made a scalar,
and compares numexpr's result with NumPy's. complex64 is added here (numexpr has no complex64):
the same data and expressions, checked against NumPy only. This script builds the same list and data
(1-D only: `cos(a2)` is left out), computes NumPy's answer in NEP 50 mode (weak Python
scalars), and writes runtime/src/test/resources/numexpr/corpus.txt, which NumexprCorpusTest
reads without Python.

Only a sample of each array's elements is kept (SAMPLE): elementwise results at those
elements are the results of the same expression on the sampled inputs.

Run with Debian's Python (NumPy 1.24, numexpr 2.8):
    /usr/bin/python3 runtime/src/test/python/numexpr_corpus.py
"""
import math
import os
import re
import sys
import warnings

import numpy as np
import numexpr
from numpy import *  # noqa: F401,F403 - numexpr's test evaluates with NumPy's names in scope

np._set_promotion_state('weak')

ARRAY_SIZE = 100  # numexpr's array_size
SAMPLE = [0, 1, 2, 3, 10, 33, 50, 67, 98, 99]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'numexpr', 'corpus.txt')


def load_numexpr_tests():
    """numexpr's `tests` list, taken from its test module's source (importing it runs nothing)."""
    from numexpr.tests import test_numexpr
    return test_numexpr.tests


def datasets():
    """numexpr's test data: (name, dtype name, {symbol: value}) as test_expressions builds it."""
    for test_scalar in (0, 1, 2):
        for dtype in (int, np.float32, np.double, complex, np.complex64):
            a = arange(2 * ARRAY_SIZE, dtype=dtype)[::2]
            b = arange(ARRAY_SIZE, dtype=dtype) / ARRAY_SIZE
            c = arange(ARRAY_SIZE, dtype=dtype)
            d = arange(ARRAY_SIZE, dtype=dtype)
            e = arange(ARRAY_SIZE, dtype=dtype)
            if np.issubdtype(dtype, np.complexfloating):
                a = a.real
                for x in [b, c, d, e]:
                    x += 1j
                    x *= 1 + 1j
            if test_scalar == 1:
                a = a[ARRAY_SIZE // 2]
            if test_scalar == 2:
                b = b[ARRAY_SIZE // 2]
            name = np.dtype(dtype).name + ('', '-scalar-a', '-scalar-b')[test_scalar]
            values = {}
            for sym, v in zip('abcde', (a, b, c, d, e)):
                values[sym] = v if np.ndim(v) == 0 else v[SAMPLE]
            yield test_scalar, dtype, name, values


def skipped(expr, dtype, test_scalar):
    """numexpr's own skips: comparisons and real-only functions of complex data, and one int case."""
    if np.issubdtype(dtype, np.complexfloating) and ('<' in expr or '>' in expr or '%' in expr or 'arctan2' in expr
                             or 'fmod' in expr or 'floor' in expr or 'ceil' in expr):
        return True
    return dtype is int and test_scalar and expr == '(a+1) ** -1'


def number(x, dtype):
    """The shortest text that reads back as x in its own precision (Java's parseDouble/parseFloat)."""
    if dtype == np.bool_:
        return 'true' if x else 'false'
    if np.issubdtype(dtype, np.integer):
        return str(int(x))
    if math.isnan(x):
        return 'nan'
    if math.isinf(x):
        return 'inf' if x > 0 else '-inf'
    if dtype == np.float32:
        return str(np.float32(x))  # NumPy's shortest text for a float32
    return repr(float(x))


def values_text(v):
    v = np.asarray(v)
    if np.iscomplexobj(v):
        parts = []
        for z in v.ravel():
            parts += [number(z.real, np.float64 if v.dtype == np.complex128 else np.float32),
                      number(z.imag, np.float64 if v.dtype == np.complex128 else np.float32)]
        return ' '.join(parts)
    return ' '.join(number(x, v.dtype.type) for x in v.ravel())


def main():
    tests = load_numexpr_tests()
    lines = ['# numexpr %s test_numexpr.py test_expressions, 1-D; answers from NumPy %s with NEP 50 (weak) promotion.'
             % (numexpr.__version__, np.__version__),
             '# Written by runtime/src/test/python/numexpr_corpus.py; do not edit.',
             '# data <TAB> dataset <TAB> symbol <TAB> dtype <TAB> array|scalar <TAB> values (complex: re im pairs)',
             '# case <TAB> dataset <TAB> section <TAB> expression <TAB> value <TAB> dtype <TAB> array|scalar <TAB> values <TAB> warnings',
             '# case <TAB> dataset <TAB> section <TAB> expression <TAB> error <TAB> exception type <TAB> message',
             '# Samples elements %s of numexpr\'s %d.' % (SAMPLE, ARRAY_SIZE)]
    count = 0
    for test_scalar, dtype, name, values in datasets():
        for sym, v in values.items():
            lines.append('\t'.join(['data', name, sym, np.asarray(v).dtype.name,
                                    'scalar' if np.ndim(v) == 0 else 'array', values_text(v)]))
        for section, exprs in tests:
            for expr in exprs:
                if 'a2' in expr or skipped(expr, dtype, test_scalar):
                    continue
                scope = dict(values)
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter('always')
                    try:
                        result = eval(expr, globals(), scope)
                    except Exception as ex:  # NumPy refuses: the case expects an error
                        lines.append('\t'.join(['case', name, section, expr, 'error', type(ex).__name__,
                                                str(ex).replace('\t', ' ').replace('\n', ' ')]))
                        count += 1
                        continue
                said = sorted({re.sub(r' encountered in .*', '', str(w.message)) for w in caught})
                r = np.asarray(result)
                lines.append('\t'.join(['case', name, section, expr, 'value', r.dtype.name,
                                        'scalar' if r.ndim == 0 else 'array', values_text(r),
                                        ';'.join(said)]))
                count += 1
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print('%d cases written to %s' % (count, os.path.normpath(OUT)), file=sys.stderr)


if __name__ == '__main__':
    main()
