package dev.flof.feeds.databento.live;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One authenticated TCP session with a Databento live gateway (§8): greeting, CRAM challenge, auth line,
 * subscription lines, {@code start_session}, then the DBN stream. Control lines are read byte by byte so
 * nothing of the DBN stream is consumed early. After {@link #startSession()} the socket's read timeout is
 * the dead-after limit: silence that long raises {@link LiveGatewayException.HeartbeatTimeout}.
 *
 * <p>Writes are synchronized, so subscriptions can be added from another thread while one thread reads.
 */
public final class LiveConnection implements Closeable {
    private static final int MAX_LINE = 64 * 1024;

    private final LiveConfig config;
    private final Socket socket;
    private final InputStream rawIn;
    private final OutputStream out;
    private String greeting;
    private String sessionId;
    private boolean started;

    private LiveConnection(LiveConfig config, Socket socket) throws IOException {
        this.config = config;
        this.socket = socket;
        this.rawIn = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects and authenticates; throws {@link LiveGatewayException.AuthenticationFailed} when refused. */
    public static LiveConnection open(LiveConfig config) throws IOException {
        Socket s = new Socket();
        try {
            int timeout = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
            s.connect(new InetSocketAddress(config.host(), config.port()), timeout);
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeout);
            LiveConnection c = new LiveConnection(config, s);
            c.authenticate();
            return c;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void authenticate() throws IOException {
        String challenge = null;
        for (int i = 0; i < 4 && challenge == null; i++) {
            String line = readLine("greeting/challenge");
            if (line.startsWith("cram=")) {
                challenge = line.substring(5);
            } else if (greeting == null) {
                greeting = line;
            }
        }
        if (challenge == null || challenge.isEmpty()) {
            throw new LiveGatewayException.ProtocolViolation("gateway " + config.host() + ":" + config.port()
                    + " sent no CRAM challenge");
        }
        writeLine(config.authLine(challenge));
        Map<String, String> reply = parseFields(readLine("auth response"));
        if (!"1".equals(reply.get("success"))) {
            String err = reply.getOrDefault("error", "no reason given");
            throw new LiveGatewayException.AuthenticationFailed(err);
        }
        sessionId = reply.getOrDefault("session_id", "");
    }

    /** The gateway's first line, e.g. {@code lsg_version=...}; null if it sent none. */
    public String greeting() {
        return greeting;
    }

    /** The session id from the auth response. */
    public String sessionId() {
        return sessionId;
    }

    /** Sends the request lines of {@code subscription} (chunked by 500 symbols). */
    public void subscribe(Subscription subscription) throws IOException {
        for (String line : subscription.lines()) {
            writeLine(line);
        }
    }

    /**
     * Sends {@code start_session} and returns the DBN stream (decompressed when zstd was requested). Reads
     * from it raise {@link LiveGatewayException.HeartbeatTimeout} after {@link LiveConfig#deadAfter()} of silence.
     */
    public InputStream startSession() throws IOException {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("session already started");
            }
            started = true;
        }
        writeLine("start_session");
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, config.deadAfter().toMillis())));
        InputStream watched = new SilenceWatchdog(rawIn, config.deadAfter().toMillis());
        if (config.zstd()) {
            // zstd-jni returns whatever a socket read lets it decompress (it does not wait to fill the
            // caller's buffer), and reports a frame cut by EOF as an error
            ZstdInputStreamNoFinalizer z = new ZstdInputStreamNoFinalizer(watched);
            return new BufferedInputStream(new HeartbeatUnwrapping(z), 1 << 16);
        }
        return new BufferedInputStream(watched, 1 << 16);
    }

    private synchronized void writeLine(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private String readLine(String what) throws IOException {
        StringBuilder sb = new StringBuilder();
        try {
            while (true) {
                int b = rawIn.read();
                if (b < 0) {
                    throw new LiveGatewayException("gateway closed the connection while sending the " + what);
                }
                if (b == '\n') {
                    return sb.toString();
                }
                if (sb.length() >= MAX_LINE) {
                    throw new LiveGatewayException.ProtocolViolation(what + " line longer than " + MAX_LINE + " bytes");
                }
                sb.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            throw new LiveGatewayException("gateway " + config.host() + ":" + config.port() + " sent no " + what
                    + " within " + config.connectTimeout().toMillis() + " ms", e);
        }
    }

    static Map<String, String> parseFields(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : line.split("\\|")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                m.put(part, "");
            } else {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return m;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Turns a socket read timeout into the protocol's "connection dead" error. */
    private static final class SilenceWatchdog extends FilterInputStream {
        private final long limitMillis;

        SilenceWatchdog(InputStream in, long limitMillis) {
            super(in);
            this.limitMillis = limitMillis;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SocketTimeoutException e) {
                throw dead(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw dead(e);
            }
        }

        private LiveGatewayException.HeartbeatTimeout dead(SocketTimeoutException e) {
            return new LiveGatewayException.HeartbeatTimeout("no bytes from the gateway for " + limitMillis
                    + " ms (heartbeat interval + margin): connection declared dead", e);
        }
    }

    /** zstd-jni may wrap the source's IOException; surface the heartbeat timeout itself. */
    private static final class HeartbeatUnwrapping extends FilterInputStream {
        HeartbeatUnwrapping(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw unwrap(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw unwrap(e);
            }
        }

        private static IOException unwrap(IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof LiveGatewayException.HeartbeatTimeout h) {
                    return h;
                }
            }
            return e;
        }
    }
}
