package org.izhsim.codegen;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Scheme;

/**
 * Compiles equation models into {@link EquationKernel}s with Janino (about 10 ms warm, per
 * docs/reference/toolchain.md §2, against about 100 ms for the JDK's compiler). Compiled classes are cached
 * by the SHA-256 of the model's normalized text and the scheme, so a model that only differs
 * in spacing, comments or unit spelling is compiled once per JVM.
 */
public final class KernelCompiler implements EquationKernel.Compiler {
    /** The shared instance; its cache lives as long as the JVM. */
    public static final KernelCompiler INSTANCE = new KernelCompiler();

    static final String PACKAGE = "org.izhsim.codegen.generated";

    private final Map<String, EquationKernel.Factory> cache = new ConcurrentHashMap<>();
    private final AtomicInteger compilations = new AtomicInteger();

    @Override
    public EquationKernel.Factory compile(EquationModel model, Scheme scheme) {
        return cache.computeIfAbsent(model.hash() + "/" + scheme.id(), key -> build(model, scheme));
    }

    /** How many classes this compiler has compiled (cache misses), for tests and reports. */
    public int compilations() {
        return compilations.get();
    }

    /** The Java source generated for a model under a scheme, for inspection and tests. */
    public static String source(EquationModel model, Scheme scheme) {
        return new KernelSource(model, scheme).generate(PACKAGE, className(model, scheme));
    }

    private static String className(EquationModel model, Scheme scheme) {
        return "Kernel_" + model.hash().substring(0, 16) + "_" + scheme.id();
    }

    private EquationKernel.Factory build(EquationModel model, Scheme scheme) {
        String name = className(model, scheme);
        String source = source(model, scheme);
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(EquationKernel.class.getClassLoader());
        try {
            compiler.cook(source);
            Class<?> type = compiler.getClassLoader().loadClass(PACKAGE + "." + name);
            Constructor<? extends EquationKernel> constructor = type.asSubclass(EquationKernel.class)
                    .getConstructor(double[][].class, double[][].class, long[].class);
            compilations.incrementAndGet();
            return (state, parameters, lastSpike) -> {
                try {
                    return constructor.newInstance(state, parameters, lastSpike);
                } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot instantiate the kernel of " + model.source(), e);
                }
            };
        } catch (CompileException | ClassNotFoundException | NoSuchMethodException e) {
            // the source comes from a checked tree only, so this is a bug in the generator
            throw new IllegalStateException("generated kernel for " + model.source() + " does not compile: "
                    + e.getMessage() + "\n" + source, e);
        }
    }
}
