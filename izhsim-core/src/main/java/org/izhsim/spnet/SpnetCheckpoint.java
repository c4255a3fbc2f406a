package org.izhsim.spnet;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Checkpoint files of spnet runs: one {@link SpnetState} per file {@code spnet-NNNNNNNNNN.ckpt}
 * (the model second, zero-padded) in a directory. Format (big-endian, {@link DataOutputStream}):
 * the magic {@code IZHSPNET} (a DA-STDP network: {@code IZHDASTD}), the format version, the
 * configuration, the second, the wiring digest, the arrays (each its length, then its values),
 * for DA-STDP its reward state, and a CRC-32 of all before it. A file is
 * written under a temporary name, forced to disk and renamed over, so a kill leaves either the
 * previous checkpoints or the new one complete; reading checks magic, version, CRC and sizes
 * and refuses anything else with one line.
 */
public final class SpnetCheckpoint {
    static final byte[] MAGIC = "IZHSPNET".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** A DA-STDP network's checkpoint: spnet's content, then the reward state ({@link DaStdp.State}). */
    static final byte[] MAGIC_DA = "IZHDASTD".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final Pattern NAME = Pattern.compile("spnet-(\\d{10})\\.ckpt");

    private SpnetCheckpoint() {
    }

    /** The file of second {@code second} in {@code dir}. */
    public static Path file(Path dir, long second) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "spnet-%010d.ckpt", second));
    }

    /**
     * Writes {@code st} atomically into {@code dir} (created if missing) and deletes all but the
     * newest {@code keep} checkpoints there; returns the file written.
     */
    public static Path write(Path dir, SpnetState st, int keep) throws IOException {
        Files.createDirectories(dir);
        Path target = file(dir, st.second()), tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16), crc));
            DaStdp.State da = st.dopamine();
            out.write(da == null ? MAGIC : MAGIC_DA);
            out.writeInt(VERSION);
            SpnetConfig c = st.config();
            out.writeInt(c.ne());
            out.writeInt(c.ni());
            out.writeInt(c.m());
            out.writeInt(c.d());
            out.writeFloat(c.sm());
            out.writeBoolean(c.uniformDelays());
            out.writeLong(c.seed());
            out.writeLong(st.second());
            out.writeLong(st.wiring());
            for (float[] x : List.of(st.v(), st.u(), st.ltd(), st.ltp(), st.w(), st.sd())) {
                out.writeInt(x.length);
                for (float f : x) out.writeFloat(f);
            }
            for (int[] x : List.of(st.spikeMs(), st.spikeNeuron())) {
                out.writeInt(x.length);
                for (int f : x) out.writeInt(f);
            }
            if (da != null) {
                out.writeInt(da.windowMs());
                out.writeInt(da.chosen());
                out.writeFloat(da.level());
                out.writeLong(da.lastPre());
                out.writeLong(da.coincidences());
                out.writeLong(da.rewards());
                out.writeInt(da.pending().length);
                for (long x : da.pending()) out.writeLong(x);
            }
            out.flush();
            long sum = crc.getValue();
            out.writeInt((int) sum);
            out.flush();
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        List<Path> all = list(dir);
        for (int k = 0; k < all.size() - Math.max(1, keep); k++) Files.deleteIfExists(all.get(k));
        return target;
    }

    /** The checkpoints in {@code dir}, oldest first (empty if there are none). */
    public static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().forEach(out::add);
        }
        return out;
    }

    /** The newest checkpoint of {@code dir}; refuses a directory without one. */
    public static Path latest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("--resume " + dir + ": no such directory");
        List<Path> all = list(dir);
        if (all.isEmpty()) throw new IllegalArgumentException("--resume " + dir + ": no spnet checkpoint (spnet-NNNNNNNNNN.ckpt) in it");
        return all.get(all.size() - 1);
    }

    /** Reads the checkpoint {@code file}; a foreign, truncated or corrupt file is an {@link IllegalArgumentException}. */
    public static SpnetState read(Path file) throws IOException {
        String what = "checkpoint " + file;
        CRC32 crc = new CRC32();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            boolean dopamine = java.util.Arrays.equals(magic, MAGIC_DA);
            if (!dopamine && !java.util.Arrays.equals(magic, MAGIC)) throw new IllegalArgumentException(what + " is not an izhsim spnet checkpoint");
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(what + " has format version " + version + "; this izhsim reads version " + VERSION);
            }
            SpnetConfig c = new SpnetConfig(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readFloat(), in.readBoolean(), in.readLong());
            long second = in.readLong(), wiring = in.readLong();
            try {
                c.validate();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " holds a configuration izhsim cannot build: " + e.getMessage());
            }
            long cells = (long) c.n() * c.m();
            long[] limit = {c.n(), c.n(), c.n(), (long) c.n() * (c.d() + 1), cells, cells};
            float[][] f = new float[6][];
            for (int k = 0; k < 6; k++) {
                f[k] = new float[length(in, limit[k], what)];
                for (int j = 0; j < f[k].length; j++) f[k][j] = in.readFloat();
            }
            int[][] sp = new int[2][];
            for (int k = 0; k < 2; k++) {
                sp[k] = new int[length(in, (long) c.n() * c.d(), what)];
                for (int j = 0; j < sp[k].length; j++) sp[k][j] = in.readInt();
            }
            DaStdp.State da = null;
            if (dopamine) {
                int window = in.readInt(), chosen = in.readInt();
                float level = in.readFloat();
                long lastPre = in.readLong(), coincidences = in.readLong(), rewards = in.readLong();
                // a reward is at most 3 s away and at most one is scheduled per ms
                long[] pending = new long[length(in, 3L * SpnetNetwork.STEPS, what)];
                for (int j = 0; j < pending.length; j++) pending[j] = in.readLong();
                if (window < 1 || chosen < 0 || chosen >= c.plastic()) {
                    throw new IllegalArgumentException(what + " is corrupt (DA-STDP window " + window + " ms, chosen synapse " + chosen + ")");
                }
                da = new DaStdp.State(window, chosen, level, lastPre, pending, coincidences, rewards);
            }
            int expected = (int) crc.getValue();
            int stored = new DataInputStream(raw).readInt();
            if (stored != expected) throw new IllegalArgumentException(what + " is corrupt (its checksum does not match)");
            if (raw.read() != -1) throw new IllegalArgumentException(what + " is corrupt (data after its checksum)");
            return new SpnetState(c, second, wiring, f[0], f[1], f[2], f[3], f[4], f[5], sp[0], sp[1], da);
        } catch (EOFException e) {
            throw new IllegalArgumentException(what + " is truncated");
        }
    }

    private static int length(DataInputStream in, long max, String what) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > max) throw new IllegalArgumentException(what + " is corrupt (an array of " + len + " values)");
        return len;
    }

    /** The second a checkpoint file name stands for, or −1. */
    public static long secondOf(Path file) {
        Matcher mt = NAME.matcher(file.getFileName().toString());
        return mt.matches() ? Long.parseLong(mt.group(1)) : -1;
    }
}
