package org.izhsim.io;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data files a run can write: the option model shared by the CLI's {@code --data} and a
 * model file's {@code outputs:} list. {@code run.json} is always written.
 */
public enum DataFormat {
    /** {@code spikes.npz}: t_ms, i and a metadata JSON string (numpy). */
    NPZ("npz"),
    /** {@code spikes.csv}: {@code # key: value} metadata lines, then t_ms,i rows. */
    CSV("csv"),
    /** {@code run.nwb}: NWB 2.7 (HDF5), units table and recorded states, streamed in chunks. */
    NWB("nwb");

    /** What a run writes when nothing is said. */
    public static final Set<DataFormat> DEFAULT = java.util.Collections.unmodifiableSet(EnumSet.of(NPZ, CSV));

    private final String id;

    DataFormat(String id) {
        this.id = id;
    }

    /** The lower-case name used on the command line and in model files. */
    public String id() {
        return id;
    }

    /**
     * Parses a comma-separated list ("npz,csv,nwb", "all" or "none"); {@code what} names the
     * option or key in the error, which lists the known names.
     */
    public static Set<DataFormat> parse(String list, String what) {
        EnumSet<DataFormat> out = EnumSet.noneOf(DataFormat.class);
        for (String raw : list.split(",")) {
            String f = raw.trim().toLowerCase(Locale.ROOT);
            if (f.equals("none")) continue;
            if (f.equals("all")) {
                out.addAll(EnumSet.allOf(DataFormat.class));
                continue;
            }
            DataFormat hit = null;
            for (DataFormat d : values()) if (d.id.equals(f)) hit = d;
            if (hit == null) {
                throw new IllegalArgumentException("unknown data format '" + raw.trim() + "' in " + what + "; known: "
                        + EnumSet.allOf(DataFormat.class).stream().map(DataFormat::id).collect(Collectors.joining(", "))
                        + ", all, none");
            }
            out.add(hit);
        }
        return out;
    }
}
