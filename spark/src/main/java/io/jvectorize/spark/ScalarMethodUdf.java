package io.jvectorize.spark;

import io.jvectorize.Vectorize;
import io.jvectorize.runtime.DType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;

/**
 * A {@code @Vectorize} method as a Spark UDF of one signature: each row calls the scalar
 * method, with its arguments converted to the signature's types and the result to its return
 * type as a Java cast converts (as the generated kernels do). A missing argument gives a missing
 * result. It travels to executors as names only; each executor finds the method again, so the
 * user's classes must be on the executors' class path.
 */
final class ScalarMethodUdf implements UDF1<Object, Object>, UDF2<Object, Object, Object>,
        UDF3<Object, Object, Object, Object> {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final String methodName;
    private final DType returnType;
    private final List<DType> argumentTypes;
    /** The method, typed {@code (Object...)Object}; found again after deserialization. */
    private transient MethodHandle method;

    ScalarMethodUdf(Class<?> declaringClass, String methodName, DType returnType, List<DType> argumentTypes) {
        this.className = declaringClass.getName();
        this.methodName = methodName;
        this.returnType = returnType;
        this.argumentTypes = List.copyOf(argumentTypes);
        this.method = find();
    }

    DType returnType() {
        return returnType;
    }

    @Override
    public Object call(Object a) throws Exception {
        try {
            return a == null ? null : (Object) method().invokeExact(a);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public Object call(Object a, Object b) throws Exception {
        try {
            return a == null || b == null ? null : (Object) method().invokeExact(a, b);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public Object call(Object a, Object b, Object c) throws Exception {
        try {
            return a == null || b == null || c == null ? null : (Object) method().invokeExact(a, b, c);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private MethodHandle method() {
        MethodHandle m = method;
        if (m == null) {
            m = find();
            method = m;
        }
        return m;
    }

    private MethodHandle find() {
        try {
            Class<?> declaring = Class.forName(className, true, classLoader());
            Method found = null;
            for (Method candidate : declaring.getDeclaredMethods()) {
                if (candidate.getName().equals(methodName) && candidate.isAnnotationPresent(Vectorize.class)) {
                    found = candidate;
                }
            }
            if (found == null) {
                throw new IllegalStateException("no @Vectorize method " + methodName + " in " + className);
            }
            found.setAccessible(true);
            Class<?>[] parameters = argumentTypes.stream().map(t -> t.arrayType().getComponentType())
                    .toArray(Class<?>[]::new);
            MethodType signature = MethodType.methodType(returnType.arrayType().getComponentType(), parameters);
            // Java's casts between the signature's types and the method's own, as the generated kernels make them.
            return MethodHandles.explicitCastArguments(MethodHandles.lookup().unreflect(found), signature)
                    .asType(MethodType.genericMethodType(parameters.length));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on this JVM's class path: ship the jar with the"
                    + " @Vectorize classes to the executors (spark-submit --jars)", e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + className + "." + methodName, e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ScalarMethodUdf.class.getClassLoader();
    }
}
