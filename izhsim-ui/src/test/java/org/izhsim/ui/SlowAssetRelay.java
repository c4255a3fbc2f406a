package org.izhsim.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A TCP relay in front of a server that holds back every request for one path by a fixed
 * time, so that a browser test can make one script of the page arrive late (as a loaded
 * machine or a slow network does) and see that the page still starts.
 */
final class SlowAssetRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstreamPort;
    private final byte[] slowRequestLine;
    private final long delayMillis;

    SlowAssetRelay(int upstreamPort, String slowPath, long delayMillis) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.slowRequestLine = ("GET " + slowPath + " ").getBytes(StandardCharsets.US_ASCII);
        this.delayMillis = delayMillis;
        Thread.ofVirtual().start(this::accept);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                Thread.ofVirtual().start(() -> pump(client, upstream, true));
                Thread.ofVirtual().start(() -> pump(upstream, client, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean requests) {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (requests && startsWith(buf, n, slowRequestLine)) Thread.sleep(delayMillis);
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException gone) {
            // either side closed: the other pump ends too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static boolean startsWith(byte[] buf, int n, byte[] prefix) {
        if (n < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (buf[i] != prefix[i]) return false;
        return true;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
