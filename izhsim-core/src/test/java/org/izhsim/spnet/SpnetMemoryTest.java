package org.izhsim.spnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The bytes per synapse of the spnet package, measured on the arrays a network really holds:
 * a plastic (excitatory) synapse costs at most 12 bytes more than a static (inhibitory) one
 * (issue #15), and the memory check's estimate ({@link SpnetConfig#bytes}) counts the same.
 */
class SpnetMemoryTest {

    /** Bytes of every primitive array the network's array fields hold (directly, in arrays, or in the array fields of their elements), headers left out. */
    static long arrayBytes(Object net) throws IllegalAccessException {
        long total = 0;
        for (Field f : net.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || !f.getType().isArray()) continue;
            f.setAccessible(true);
            total += bytes(f.get(net));
        }
        return total;
    }

    private static long bytes(Object a) throws IllegalAccessException {
        if (a == null) return 0;
        if (!a.getClass().isArray()) return arrayBytes(a);
        Class<?> c = a.getClass().getComponentType();
        if (!c.isPrimitive()) {
            long sum = 0;
            for (Object x : (Object[]) a) sum += bytes(x);
            return sum;
        }
        int size = c == byte.class || c == boolean.class ? 1 : c == short.class || c == char.class ? 2
                : c == long.class || c == double.class ? 8 : 4;
        return (long) java.lang.reflect.Array.getLength(a) * size;
    }

    /** Bytes that {@code m} synapses per neuron cost beyond {@code m - 20} in a network of these sizes, per synapse added. */
    static double perSynapse(int ne, int ni, int m) throws IllegalAccessException {
        SpnetConfig big = new SpnetConfig(ne, ni, m, 20, 10f, false, 1), small = new SpnetConfig(ne, ni, m - 20, 20, 10f, false, 1);
        long measured;
        try (SpnetNetwork a = new SpnetNetwork(big, 1); SpnetNetwork b = new SpnetNetwork(small, 1)) {
            measured = arrayBytes(a) - arrayBytes(b);
        }
        assertEquals(big.bytes() - small.bytes(), measured, "the memory check's estimate counts other synapse arrays than the network holds");
        return measured / (20.0 * (ne + ni));
    }

    @Test
    void aPlasticSynapseCostsAtMostTwelveBytesMoreThanAStaticOne() throws IllegalAccessException {
        // spnet's shape: 1000 neurons, m from 80 to 100 (per-neuron arrays cancel in the difference)
        double plastic = perSynapse(1000, 0, 100);
        double mixed = perSynapse(800, 200, 100);
        double stat = (mixed * 1000 - plastic * 800) / 200;
        assertEquals(9.0, stat, 1e-9, "a static synapse: post 4, delay index 1, weight 4 bytes");
        assertTrue(plastic - stat <= 12, "a plastic synapse costs " + plastic + " bytes, a static one " + stat + ": more than 12 bytes more");
    }
}
