package io.jvectorize.runtime.internal.kernel;

/**
 * One operator over a range of elements: {@code out[oo + i] = op(a[ao + i], b[bo + i], c[co + i])}
 * for {@code i} in {@code [0, n)}, for operators of one, two or three operands (the others
 * null). An operand the kernel takes as a scalar it reads once, at its offset. {@code out} may be
 * one of the operands at the same offset: each element is read before it is written.
 * Generated from the operator table by {@link Kernels}.
 */
@FunctionalInterface
public interface BlockKernel {
    void run(Object a, int ao, Object b, int bo, Object c, int co, Object out, int oo, int n);
}
