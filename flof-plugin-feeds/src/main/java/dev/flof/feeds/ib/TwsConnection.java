package dev.flof.feeds.ib;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One TCP connection to TWS / IB Gateway: handshake, server-version check, startApi, then a reader thread
 * that hands each inbound frame to a {@link Handler}. Sends are serialised so frames never interleave.
 * The handshake runs on the caller's thread with a read timeout, so a port that accepts but never answers
 * fails instead of hanging.
 */
public final class TwsConnection implements AutoCloseable {
    /** Receives frames and the end of the connection, on the reader thread. */
    public interface Handler {
        void onFrame(List<String> fields);

        /** Called once when the connection ends; cause is null after {@link #close()}. */
        void onClosed(Throwable cause);
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final int serverVersion;
    private final String connectionTime;
    private final TwsFrameReader reader;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean closedNotified = new AtomicBoolean();
    private volatile Handler handler;
    private Thread readerThread;

    private TwsConnection(Socket socket, int serverVersion, String connectionTime, TwsFrameReader reader)
            throws IOException {
        this.socket = socket;
        this.reader = reader;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.serverVersion = serverVersion;
        this.connectionTime = connectionTime;
    }

    /**
     * Connects, performs the handshake and sends startApi. Frames that arrive before {@link #start} are
     * kept and delivered once the handler is set.
     *
     * @throws UnsupportedServerVersionException when TWS negotiates a version outside 157..178 (the
     *                                           socket is closed before anything else is sent)
     */
    public static TwsConnection open(String host, int port, int clientId, Duration timeout)
            throws IOException, TwsProtocolException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            OutputStream o = s.getOutputStream();
            o.write(TwsVersions.handshakeBytes());
            o.flush();
            TwsFrameReader hr = new TwsFrameReader();
            List<String> first = readOne(s.getInputStream(), hr, host, port);
            if (first.isEmpty()) {
                throw new TwsProtocolException("TWS at " + host + ":" + port + " answered the handshake with an empty frame");
            }
            int version;
            try {
                version = Integer.parseInt(first.get(0).trim());
            } catch (NumberFormatException e) {
                throw new TwsProtocolException("TWS at " + host + ":" + port + " answered the handshake with '"
                        + first.get(0) + "' where a server version was expected", e);
            }
            TwsVersions.requireSupported(version);
            String connTime = first.size() > 1 ? first.get(1) : "";
            // bytes already read past the version frame stay in hr and are delivered by the reader thread
            TwsConnection c = new TwsConnection(s, version, connTime, hr);
            s.setSoTimeout(0);
            c.send(new TwsEncoder(version).startApi(clientId, ""));
            return c;
        } catch (IOException | TwsProtocolException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static List<String> readOne(InputStream in, TwsFrameReader r, String host, int port)
            throws IOException, TwsProtocolException {
        byte[] b = new byte[512];
        while (true) {
            List<String> f = r.next();
            if (f != null) {
                return f;
            }
            int n;
            try {
                n = in.read(b);
            } catch (SocketTimeoutException e) {
                throw new IOException("TWS at " + host + ":" + port + " did not answer the handshake in time", e);
            }
            if (n < 0) {
                throw new IOException("TWS at " + host + ":" + port + " closed the connection during the handshake");
            }
            r.feed(b, 0, n);
        }
    }

    /** Starts the reader thread; call once. */
    public synchronized void start(Handler h, String threadName) {
        if (readerThread != null) {
            throw new IllegalStateException("already started");
        }
        this.handler = h;
        readerThread = new Thread(this::readLoop, threadName);
        readerThread.setDaemon(true);
        readerThread.start();
    }

    private void readLoop() {
        byte[] b = new byte[16384];
        Throwable cause = null;
        try {
            List<String> pending;
            while ((pending = reader.next()) != null) {
                handler.onFrame(pending);
            }
            while (!closed.get()) {
                int n = in.read(b);
                if (n < 0) {
                    cause = new IOException("TWS closed the connection");
                    break;
                }
                reader.feed(b, 0, n);
                List<String> f;
                while ((f = reader.next()) != null) {
                    handler.onFrame(f);
                }
            }
        } catch (IOException | TwsProtocolException | RuntimeException e) {
            cause = e;
        }
        if (closed.get()) {
            cause = null;
        }
        closeSocket();
        notifyClosed(cause);
    }

    private void notifyClosed(Throwable cause) {
        if (closedNotified.compareAndSet(false, true) && handler != null) {
            handler.onClosed(cause);
        }
    }

    /** Writes one message; thread-safe. */
    public void send(List<String> fields) throws IOException {
        byte[] frame = TwsFrames.frame(fields);
        synchronized (out) {
            if (closed.get()) {
                throw new IOException("connection to TWS is closed");
            }
            out.write(frame);
            out.flush();
        }
    }

    public int serverVersion() {
        return serverVersion;
    }

    /** The connection time text TWS sent with its version, e.g. {@code 20261125 20:00:00 UTC}. */
    public String connectionTime() {
        return connectionTime;
    }

    public boolean isOpen() {
        return !closed.get() && !socket.isClosed();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort; the peer may already be gone
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeSocket();
            Thread t;
            synchronized (this) {
                t = readerThread;
            }
            if (t == null) {
                closedNotified.set(true);
            }
        }
    }
}
