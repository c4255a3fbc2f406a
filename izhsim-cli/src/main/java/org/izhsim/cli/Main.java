package org.izhsim.cli;

import java.io.PrintWriter;
import org.izhsim.expr.ExpressionException;
import org.izhsim.integrate.NumericalBlowUpException;
import org.izhsim.io.model.ModelFileException;
import picocli.CommandLine;

/**
 * Entry point. Exit codes: 0 success; 2 bad usage or input (one line naming the culprit, no
 * stack trace); 3 numerical blow-up (v or u not finite: the message names step, time and
 * neuron); 1 anything else (an I/O failure, or a bug — then the stack trace helps).
 */
public final class Main {
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_BLOW_UP = 3;
    public static final int EXIT_FAILURE = 1;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests: no System.exit). */
    public static int run(String... args) {
        if (MpiRun.underMpirun()) return MpiRun.run(args); // [mpi hook] one rank of an mpirun job
        return execute(commandLine(args), args);
    }

    /** Runs a command line: its exit code, an out-of-memory error included. */
    static int execute(CommandLine cl, String... args) {
        try {
            int code = cl.execute(args);
            // PrintStream keeps its errors to itself: --json > /dev/full would exit 0 with nothing written
            if (System.out.checkError()) {
                System.err.println(prefix(cl) + "could not write to standard output (disk full or pipe closed)");
                return code == 0 ? EXIT_FAILURE : code;
            }
            return code;
        } catch (OutOfMemoryError e) {
            // an Error passes picocli's handler; staged outputs are already deleted on the way out
            // on the command line's error writer, which an MPI rank captures ([mpi hook]: was System.err)
            cl.getErr().println("izhsim: out of memory (" + e.getMessage() + "); give the JVM more with IZHSIM_JAVA_OPTS=-Xmx<size>"
                    + " (this JVM has " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB), or keep less in memory:"
                    + " --data nwb --figures none streams spikes and states to run.nwb");
            cl.getErr().flush();
            return EXIT_FAILURE;
        }
    }

    /** The command line with every subcommand. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: with only the named subcommand when the first argument
     * names one (its options, help and errors are the same), otherwise with all of them (for
     * --help, --version and the "unknown subcommand" message).
     */
    static CommandLine commandLine(String... argv) {
        CommandLine cl = new CommandLine(new IzhsimCommand());
        Class<?> only = null;
        for (Class<?> c : IzhsimCommand.SUBCOMMANDS) {
            if (argv.length > 0 && c.getAnnotation(CommandLine.Command.class).name().equals(argv[0])) only = c;
        }
        for (Class<?> c : IzhsimCommand.SUBCOMMANDS) {
            if (only == null || c == only) cl.addSubcommand(c);
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(prefix(ex.getCommandLine()) + ex.getMessage().lines().findFirst().orElse("bad usage")
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            int code;
            switch (ex) {
                case OptionExpressionException e -> {
                    // the expression, then a caret under the offending column and the reason
                    String what = e.option() + " ";
                    String[] diagram = e.caretDiagram().split("\n", 2);
                    err.println(what + diagram[0]);
                    err.println(" ".repeat(what.length()) + (diagram.length > 1 ? diagram[1] : e.getMessage()));
                    code = EXIT_USAGE;
                }
                case ModelFileException e -> {
                    // file:line:column: key path: problem; an expression's caret diagram below it
                    err.println(prefix(cmd) + e.getMessage());
                    if (!e.detail().isEmpty()) e.detail().lines().forEach(l -> err.println("    " + l));
                    code = EXIT_USAGE;
                }
                case ExpressionException e -> {
                    err.println(prefix(cmd) + e.getMessage());
                    code = EXIT_USAGE;
                }
                case IllegalArgumentException e -> {
                    err.println(prefix(cmd) + e.getMessage());
                    code = EXIT_USAGE;
                }
                case NumericalBlowUpException e -> {
                    err.println(prefix(cmd) + e.getMessage());
                    code = EXIT_BLOW_UP;
                }
                case java.io.IOException e -> {
                    err.println(prefix(cmd) + ioMessage(e));
                    code = EXIT_FAILURE;
                }
                case java.io.UncheckedIOException e -> {
                    err.println(prefix(cmd) + ioMessage(e.getCause()));
                    code = EXIT_FAILURE;
                }
                default -> {
                    err.println(prefix(cmd) + "internal error: " + ex);
                    ex.printStackTrace(err);
                    code = EXIT_FAILURE;
                }
            }
            err.flush();
            return code;
        });
        return cl;
    }

    /** One line for a failed read or write; a full disk says what became of the outputs. */
    static String ioMessage(java.io.IOException e) {
        String m = String.valueOf(e.getMessage());
        if (diskFull(e)) return "the disk is full (" + m + "); this run's outputs were removed, files of earlier runs are untouched";
        return "I/O error: " + m;
    }

    /** True if {@code e} or a cause of it says the disk (or the user's quota) is full. */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) return true;
        }
        return false;
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }
}
