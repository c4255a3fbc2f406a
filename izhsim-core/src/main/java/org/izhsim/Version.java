package org.izhsim;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The izhsim version and the commit it was built from, recorded in every output so that a
 * result can be traced to the code that produced it.
 */
public final class Version {
    private static final Properties VERSION = load("version.properties");
    private static final Properties GIT = load("git.properties");

    private Version() {}

    /** The release version, e.g. {@code 0.1.0}. */
    public static String version() {
        return VERSION.getProperty("version", "unknown");
    }

    /** The full commit hash the classes were built from, with {@code -dirty} if the tree had changes; {@code unknown} outside git. */
    public static String commit() {
        String id = GIT.getProperty("git.commit.id.full", "unknown");
        return "true".equals(GIT.getProperty("git.dirty")) ? id + "-dirty" : id;
    }

    /** One line for {@code --version}. */
    public static String describe() {
        return "izhsim " + version() + " (commit " + commit() + ", Java " + Runtime.version() + ")";
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(name)) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // a missing resource only means "unknown"; it never stops a run
        }
        return p;
    }
}
