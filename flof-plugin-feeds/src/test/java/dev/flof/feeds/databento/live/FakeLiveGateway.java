package dev.flof.feeds.databento.live;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback Databento live gateway for tests, speaking the protocol of §8 of the Databento notes: greeting,
 * CRAM challenge, auth check by the CRAM rule (computed here independently of the client's code), subscription
 * lines, {@code start_session}, then a DBN stream (zstd when asked) built from a real capture. Each connection
 * follows a {@link Script}: stream some records, then idle with heartbeats, go silent, or drop the connection.
 */
public final class FakeLiveGateway implements AutoCloseable {
    public enum After { IDLE_WITH_HEARTBEATS, SILENT, DROP }

    /**
     * Stream {@code records} records (all when larger), then do {@code after}; a negative count drops the
     * connection right after {@code start_session}, before any byte of the stream.
     */
    public record Script(int records, After after) {
    }

    /** What one connection saw. */
    public static final class Connection {
        public final int index;
        public final String challenge;
        public volatile String authLine;
        public volatile Map<String, String> authFields = Map.of();
        public volatile boolean authenticated;
        public volatile boolean started;
        public final List<String> lines = new CopyOnWriteArrayList<>();
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        final CountDownLatch closed = new CountDownLatch(1);

        Connection(int index) {
            this.index = index;
            this.challenge = "fakeChallenge" + index + "x7kNhw";
        }

        /** Waits for the next line the client sent (subscriptions, start_session). */
        public String nextLine() throws InterruptedException {
            String l = queue.poll(20, TimeUnit.SECONDS);
            if (l == null) {
                throw new AssertionError("connection " + index + ": no line from the client within 20 s; got " + lines);
            }
            return l;
        }

        /** Waits until the client closed this connection (or it was dropped). */
        public boolean awaitClosed() throws InterruptedException {
            return closed.await(20, TimeUnit.SECONDS);
        }
    }

    private final String validKey;
    private final byte[] metadata;
    private final List<byte[]> records;
    private final ServerSocket server;
    private final Deque<Script> scripts = new ArrayDeque<>();
    private final BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();
    private final List<Connection> all = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Duration heartbeatEvery = Duration.ofMillis(50);
    private volatile boolean running = true;

    /** @param dbn a whole decompressed DBN stream (metadata + records) to serve after {@code start_session} */
    public FakeLiveGateway(String validKey, byte[] dbn) throws IOException {
        this.validKey = validKey;
        int metaLen = ByteBuffer.wrap(dbn, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        this.metadata = java.util.Arrays.copyOfRange(dbn, 0, 8 + metaLen);
        this.records = new ArrayList<>();
        for (int off = 8 + metaLen; off < dbn.length; ) {
            int len = (dbn[off] & 0xFF) * 4;
            records.add(java.util.Arrays.copyOfRange(dbn, off, off + len));
            off += len;
        }
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fake-lsg-accept");
        t.setDaemon(true);
        t.start();
    }

    /** The shared live capture (databento-python {@code LIVE/test_data.live.dbn.zst}), decompressed. */
    public static byte[] liveCapture() throws IOException {
        Path shared = Path.of(System.getProperty("flof.shared.dir", "../../shared"));
        try (InputStream in = new ZstdInputStream(Files.newInputStream(
                shared.resolve("data/dbn/databento-python/LIVE/test_data.live.dbn.zst")))) {
            return in.readAllBytes();
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<byte[]> records() {
        return records;
    }

    public byte[] metadata() {
        return metadata.clone();
    }

    public synchronized void script(Script s) {
        scripts.add(s);
    }

    public void heartbeatEvery(Duration d) {
        heartbeatEvery = d;
    }

    /** Waits for the next accepted connection. */
    public Connection nextConnection() throws InterruptedException {
        Connection c = accepted.poll(20, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no connection to the fake gateway within 20 s");
        }
        return c;
    }

    public List<Connection> connections() {
        return List.copyOf(all);
    }

    private synchronized Script nextScript() {
        Script s = scripts.poll();
        return s != null ? s : new Script(Integer.MAX_VALUE, After.IDLE_WITH_HEARTBEATS);
    }

    private void acceptLoop() {
        int n = 0;
        while (running) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Connection c = new Connection(n++);
                all.add(c);
                Script script = nextScript();
                Thread t = new Thread(() -> serve(s, c, script), "fake-lsg-conn-" + c.index);
                t.setDaemon(true);
                t.start();
                accepted.add(c);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, Connection c, Script script) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream raw = s.getOutputStream();
            raw.write("lsg_version=0.0.0-fake\n".getBytes(StandardCharsets.US_ASCII));
            raw.flush();
            raw.write(("cram=" + c.challenge + "\n").getBytes(StandardCharsets.US_ASCII));
            raw.flush();
            String auth = readLine(in);
            if (auth == null) {
                return;
            }
            c.authLine = auth;
            c.authFields = fields(auth);
            if (!expectedAuth(c.challenge).equals(c.authFields.get("auth"))
                    || !"dbn".equals(c.authFields.get("encoding")) || c.authFields.get("dataset") == null) {
                raw.write("success=0|error=Authentication failed.\n".getBytes(StandardCharsets.US_ASCII));
                raw.flush();
                return;
            }
            c.authenticated = true;
            raw.write(("success=1|session_id=" + (1000 + c.index) + "|\n").getBytes(StandardCharsets.US_ASCII));
            raw.flush();
            String line;
            while ((line = readLine(in)) != null) {
                c.lines.add(line);
                c.queue.add(line);
                if (line.startsWith("start_session")) {
                    break;
                }
            }
            if (line == null || script.records() < 0) {
                return;
            }
            c.started = true;
            boolean zstd = "zstd".equals(c.authFields.get("compression"));
            OutputStream out = zstd ? new ZstdOutputStream(raw) : raw;
            Object writeLock = new Object();
            Thread reader = new Thread(() -> readMore(in, c, out, writeLock), "fake-lsg-read-" + c.index);
            reader.setDaemon(true);
            reader.start();
            synchronized (writeLock) {
                out.write(metadata);
                out.flush();
                int ackId = 0;
                for (String l : c.lines) {
                    if (l.contains("is_last=1")) {
                        out.write(system("Subscription request " + (++ackId) + " succeeded", 1));
                    }
                }
                out.flush();
            }
            int n = Math.min(script.records(), records.size());
            for (int i = 0; i < n; i++) {
                synchronized (writeLock) {
                    out.write(records.get(i));
                    out.flush();
                }
            }
            switch (script.after()) {
                case DROP -> {
                    return;
                }
                case SILENT -> c.closed.await();
                case IDLE_WITH_HEARTBEATS -> {
                    while (!c.closed.await(heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS)) {
                        synchronized (writeLock) {
                            out.write(system("Heartbeat", 0));
                            out.flush();
                        }
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: this connection is over
        } finally {
            c.closed.countDown();
        }
    }

    private void readMore(InputStream in, Connection c, OutputStream out, Object writeLock) {
        try {
            String line;
            while ((line = readLine(in)) != null) {
                c.lines.add(line);
                c.queue.add(line);
                if (line.contains("is_last=1")) {
                    synchronized (writeLock) {
                        out.write(system("Subscription request succeeded", 1));
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            // connection closed
        } finally {
            c.closed.countDown();
        }
    }

    /** A SystemMsg of DBN v2/v3 (§4: 320 bytes, msg char[303] at 16, code u8 at 319). */
    static byte[] system(String msg, int code) {
        ByteBuffer b = ByteBuffer.allocate(320).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 80).put(1, (byte) 0x17).putShort(2, (short) 0).putInt(4, 0).putLong(8, 1_700_000_000_000_000_000L);
        byte[] m = msg.getBytes(StandardCharsets.US_ASCII);
        b.put(16, m, 0, m.length);
        b.put(319, (byte) code);
        return b.array();
    }

    private String expectedAuth(String challenge) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((challenge + "|" + validKey).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d) + "-" + validKey.substring(validKey.length() - 5);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> fields(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : line.split("\\|")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                m.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        return m;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return b.toString(StandardCharsets.US_ASCII);
            }
            b.write(c);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
