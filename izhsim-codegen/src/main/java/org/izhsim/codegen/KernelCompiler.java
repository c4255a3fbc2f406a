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

    KernelCompiler() {} // one cache per JVM: use INSTANCE (tests make their own)

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
        Constructor<? extends EquationKernel> constructor = cook(source(model, scheme), className(model, scheme),
                EquationKernel.class, model.source(), double[][].class, double[][].class, long[].class);
        compilations.incrementAndGet();
        return (state, parameters, lastSpike) -> instantiate(constructor, model.source(), state, parameters, lastSpike);
    }

    /** Compiles generated {@code source} and returns the constructor of its class {@code name}. */
    static <T> Constructor<? extends T> cook(String source, String name, Class<T> base, String what, Class<?>... parameters) {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(base.getClassLoader());
        try {
            compiler.cook(source);
            Class<?> type = compiler.getClassLoader().loadClass(PACKAGE + "." + name);
            return type.asSubclass(base).getConstructor(parameters);
        } catch (CompileException | ClassNotFoundException | NoSuchMethodException e) {
            // the source comes from a checked tree only, so this is a bug in the generator
            throw new IllegalStateException("generated kernel for " + what + " does not compile: "
                    + e.getMessage() + "\n" + source, e);
        }
    }

    static <T> T instantiate(Constructor<? extends T> constructor, String what, Object... arguments) {
        try {
            return constructor.newInstance(arguments);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot instantiate the kernel of " + what, e);
        }
    }
}
