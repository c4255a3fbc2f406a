package org.izhsim.cli;

import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.izhsim.ui.UiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code izhsim ui}: the browser explorer on a local web server. */
@Command(name = "ui", mixinStandardHelpOptions = true,
        header = "The explorer in the browser: a neuron, an F-I curve, a network.",
        description = {"Serve the interactive explorer in the browser: a neuron with sliders (traces, phase plane, F-I curve)",
                "and a live network (the 2003 network, or a YAML/TOML model file uploaded or found under the current directory):",
                "raster with zoom and a clicked neuron's v and u, rate, ISI histogram, spectrum, weights, pause, changes, replay file.",
                "Model files are read only from under the current directory. Listens on 127.0.0.1 only unless --bind says otherwise; Ctrl-C stops it."},
        footer = {"", "Examples:", "  izhsim ui --open", "  izhsim ui --port 9000", "  izhsim replay izhsim-replay-1a2b3c4d.json"})
final class UiCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 exposes it to the network).")
    String bind;

    @Option(names = "--open", description = "Open the page in the default browser (xdg-open); the URL is printed either way.")
    boolean open;

    @Option(names = "--quiet", description = "Do not log sessions and changes on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be in 0..65535, got " + port);
        UiServer server;
        try {
            // model files by path only from under the directory the user started the explorer in
            server = UiServer.start(bind, port, quiet ? null : System.err, java.nio.file.Path.of("").toAbsolutePath());
        } catch (BindException e) {
            throw new IllegalArgumentException("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); is another izhsim ui running? choose another --port, or --port 0 for a free one");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + ": unknown host or address");
        }
        server.exposureWarning().ifPresent(w -> System.err.println("izhsim ui: " + w));
        String url = server.uri().toString();
        System.out.println("izhsim ui: " + url + "  (Ctrl-C stops it)");
        System.out.flush();
        if (open) openBrowser(url);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    private static void openBrowser(String url) {
        try {
            new ProcessBuilder("xdg-open", url).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            System.err.println("izhsim ui: could not run xdg-open (" + e.getMessage() + "); open " + url + " yourself");
        }
    }
}
