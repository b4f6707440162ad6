package dev.flof.feeds.binance;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal RFC 6455 WebSocket server on loopback for tests: HTTP/1.1 upgrade with the
 * {@code Sec-WebSocket-Accept} digest, unmasked text frames out, masked frames in (close answered, ping
 * answered with pong). Each accepted connection is handed to the handler on its own thread.
 */
final class FakeWsServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    interface Handler {
        void onConnect(Conn conn) throws IOException;
    }

    /** One client connection. */
    static final class Conn {
        final String path;
        final Map<String, String> params;
        private final Socket socket;
        private final OutputStream out;
        private volatile boolean open = true;
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();

        Conn(String path, Map<String, String> params, Socket socket, OutputStream out) {
            this.path = path;
            this.params = params;
            this.socket = socket;
            this.out = out;
        }

        boolean isOpen() {
            return open;
        }

        void send(String text) throws IOException {
            frame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        synchronized void frame(int opcode, byte[] payload) throws IOException {
            if (!open) {
                throw new IOException("connection closed");
            }
            out.write(0x80 | opcode);
            int n = payload.length;
            if (n < 126) {
                out.write(n);
            } else if (n < 65536) {
                out.write(126);
                out.write(n >>> 8);
                out.write(n & 0xFF);
            } else {
                out.write(127);
                for (int i = 7; i >= 0; i--) {
                    out.write((int) (((long) n >>> (8 * i)) & 0xFF));
                }
            }
            out.write(payload);
            out.flush();
        }

        void close() {
            try {
                frame(0x8, new byte[] {0x03, (byte) 0xE8});
            } catch (IOException ignored) {
                // already gone
            }
            open = false;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private final ServerSocket server;
    private final Handler handler;
    private volatile java.util.function.Consumer<Conn> onAccept = c -> { };
    private final List<Conn> connections = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<Conn> accepted = new LinkedBlockingQueue<>();
    private final Thread acceptor;
    private volatile boolean closed;

    FakeWsServer(Handler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fake-ws-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Runs synchronously for each connection before it is announced to {@link #nextConnection()}. */
    void onAccept(java.util.function.Consumer<Conn> hook) {
        this.onAccept = hook;
    }

    int port() {
        return server.getLocalPort();
    }

    String baseUrl() {
        return "ws://127.0.0.1:" + port();
    }

    List<Conn> connections() {
        return List.copyOf(connections);
    }

    /** Waits for the next accepted connection (tests: bounded wait, not a timing assertion). */
    Conn nextConnection() throws InterruptedException {
        Conn c = accepted.poll(30, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no WebSocket connection within 30 s");
        }
        return c;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "fake-ws-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            InputStream in = new BufferedInputStream(s.getInputStream());
            List<String> head = new ArrayList<>();
            String line;
            while (!(line = readLine(in)).isEmpty()) {
                head.add(line);
            }
            String[] requestLine = head.get(0).split(" ");
            String target = requestLine[1];
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h : head.subList(1, head.size())) {
                int c = h.indexOf(':');
                headers.put(h.substring(0, c).trim().toLowerCase(Locale.ROOT), h.substring(c + 1).trim());
            }
            String key = headers.get("sec-websocket-key");
            OutputStream out = s.getOutputStream();
            if (key == null) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                s.close();
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            Map<String, String> params = new LinkedHashMap<>();
            if (q >= 0) {
                for (String kv : target.substring(q + 1).split("&")) {
                    int e = kv.indexOf('=');
                    params.put(URLDecoder.decode(kv.substring(0, e), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(e + 1), StandardCharsets.UTF_8));
                }
            }
            Conn conn = new Conn(path, params, s, out);
            connections.add(conn);
            onAccept.accept(conn);
            accepted.add(conn);
            Thread h = new Thread(() -> {
                try {
                    handler.onConnect(conn);
                } catch (IOException ignored) {
                    // client went away while we were streaming
                }
            }, "fake-ws-handler");
            h.setDaemon(true);
            h.start();
            readFrames(in, conn);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private static void readFrames(InputStream in, Conn conn) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (conn.open) {
            int b0 = in.read();
            if (b0 < 0) {
                conn.open = false;
                return;
            }
            int b1 = in.read();
            long len = b1 & 0x7F;
            if (len == 126) {
                len = (in.read() << 8) | in.read();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | in.read();
                }
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) len);
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
            }
            int opcode = b0 & 0x0F;
            switch (opcode) {
                case 0x8 -> {
                    conn.close();
                    return;
                }
                case 0x9 -> conn.frame(0xA, payload);
                case 0x1, 0x0 -> {
                    text.write(payload);
                    if ((b0 & 0x80) != 0) {
                        conn.received.add(text.toString(StandardCharsets.UTF_8));
                        text.reset();
                    }
                }
                default -> {
                }
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        closed = true;
        connections.forEach(Conn::close);
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
