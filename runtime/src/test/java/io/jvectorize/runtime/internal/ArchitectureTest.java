package io.jvectorize.runtime.internal;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jvectorize.runtime.Complex;
import io.jvectorize.runtime.DType;
import io.jvectorize.runtime.Parallel;
import io.jvectorize.runtime.RangeKernel;
import io.jvectorize.runtime.Simd;
import io.jvectorize.runtime.SimdWarmup;
import io.jvectorize.runtime.VectorMath;
import io.jvectorize.runtime.VectorizedFunction;
import io.jvectorize.runtime.internal.exec.Engines;
import io.jvectorize.runtime.internal.exec.Executable;
import io.jvectorize.runtime.internal.ir.Settings;
import io.jvectorize.runtime.internal.op.Conversions;
import io.jvectorize.runtime.internal.op.Operator;
import io.jvectorize.runtime.internal.op.ReductionKind;
import io.jvectorize.runtime.internal.plan.BoundData;
import io.jvectorize.runtime.internal.plan.Term;
import io.jvectorize.runtime.internal.warm.Warming;
import org.junit.jupiter.api.Test;

/**
 * The runtime's architecture, enforced: the public API in {@code io.jvectorize.runtime}, the
 * internals in packages under {@code internal}, each depending only downwards.
 * <pre>
 *   io.jvectorize.runtime   API and expression model  → exec (entry), plan (Term, BoundData), op, ir.Settings,
 *                                                       warm (Warming, for SimdWarmup)
 *   internal.exec           runs plans with engines   → plan, ir, block, jit, reference, op, warm
 *   internal.plan           expression → IR, numbers  → ir, op
 *   internal.block          block engine              → ir, op, kernel
 *   internal.jit            generated-loop engine     → ir, op, lanes, emit, block (WholeVectors)
 *   internal.reference      reference engine          → ir, op, kernel
 *   internal.kernel         per-operator kernels      → op, lanes, emit
 *   internal.lanes          Vector API code writing   → op
 *   internal.emit           class files and hidden classes
 *   internal.ir             the lowered form          → op
 *   internal.op             the operator table and other semantics
 *   internal.warm           the warming thread of Vector API loops
 * </pre>
 */
class ArchitectureTest {

    private static final String API = "io.jvectorize.runtime";
    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(API);

    @Test
    void internalPackagesHaveNoCycles() {
        slices().matching("io.jvectorize.runtime.internal.(*)..").should().beFreeOfCycles().check(RUNTIME);
    }

    /** The expression model reaches the engines only through the planner's input and the exec entry. */
    @Test
    void theApiReachesTheInternalsThroughANarrowEntry() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat(resideInAPackage(API + ".internal..")
                        .and(not(belongToAnyOf(Engines.class, Executable.class, Term.class, BoundData.class,
                                Settings.class, Operator.class, ReductionKind.class, Conversions.class,
                                Warming.class))))
                .check(RUNTIME);
    }

    /**
     * Internals use of the API only the value types generated code and users share (a Complex is
     * what a complex reduction gives); never the expression model.
     */
    @Test
    void internalsUseOnlyTheApisValueTypes() {
        noClasses().that().resideInAPackage(API + ".internal..")
                .should().dependOnClassesThat(resideInAPackage(API)
                        .and(not(belongToAnyOf(DType.class, Complex.class, VectorizedFunction.class, RangeKernel.class,
                                Parallel.class, Simd.class, SimdWarmup.class, VectorMath.class))))
                .check(RUNTIME);
    }

    /** Engines compute the IR: they know nothing of the planner's input or of how plans are run. */
    @Test
    void enginesDependOnTheIrNotOnThePlanner() {
        noClasses().that().resideInAnyPackage(API + ".internal.block..", API + ".internal.jit..",
                API + ".internal.reference..", API + ".internal.kernel..", API + ".internal.lanes..")
                .should().dependOnClassesThat(resideInAnyPackage(API + ".internal.plan..", API + ".internal.exec.."))
                .check(RUNTIME);
    }

    /** The table and the IR are the bottom: they depend on no engine. */
    @Test
    void theOperatorTableAndTheIrDependOnNoEngine() {
        noClasses().that().resideInAnyPackage(API + ".internal.op..", API + ".internal.ir..")
                .should().dependOnClassesThat(resideInAnyPackage(API + ".internal.plan..", API + ".internal.exec..",
                        API + ".internal.block..", API + ".internal.jit..", API + ".internal.reference..",
                        API + ".internal.kernel..", API + ".internal.lanes..", API + ".internal.emit.."))
                .check(RUNTIME);
    }
}
