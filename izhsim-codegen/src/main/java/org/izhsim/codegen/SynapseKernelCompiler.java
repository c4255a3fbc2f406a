package org.izhsim.codegen;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.izhsim.equations.SynapseKernel;
import org.izhsim.equations.SynapseModel;

/**
 * Compiles synapse models into {@link SynapseKernel}s with Janino, as {@link KernelCompiler} does
 * for neuron models: from the checked trees only, cached by the model's hash.
 */
public final class SynapseKernelCompiler implements SynapseKernel.Compiler {
    /** The shared instance; its cache lives as long as the JVM. */
    public static final SynapseKernelCompiler INSTANCE = new SynapseKernelCompiler();

    SynapseKernelCompiler() {} // one cache per JVM: use INSTANCE (tests make their own)

    private final Map<String, SynapseKernel.Factory> cache = new ConcurrentHashMap<>();
    private final AtomicInteger compilations = new AtomicInteger();

    @Override
    public SynapseKernel.Factory compile(SynapseModel model) {
        return cache.computeIfAbsent(model.hash(), key -> build(model));
    }

    /** How many classes this compiler has compiled (cache misses). */
    public int compilations() {
        return compilations.get();
    }

    /** The Java source generated for a model, for inspection and tests. */
    public static String source(SynapseModel model) {
        return new SynapseKernelSource(model).generate(KernelCompiler.PACKAGE, className(model));
    }

    private static String className(SynapseModel model) {
        return "Synapses_" + model.hash().substring(0, 16);
    }

    private SynapseKernel.Factory build(SynapseModel model) {
        Constructor<? extends SynapseKernel> constructor = KernelCompiler.cook(source(model), className(model),
                SynapseKernel.class, model.source(), SynapseKernel.State.class);
        compilations.incrementAndGet();
        return state -> {
            state.check(model);
            return KernelCompiler.instantiate(constructor, model.source(), state);
        };
    }
}
