package dev.flof.feeds.ib;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fake TWS on loopback speaking the real framing at a fixed server version: handshake, startApi ->
 * nextValidId + managedAccounts, holds untransmitted bracket legs until the transmitting leg, answers
 * placeOrder with openOrder + orderStatus, cancels (202 / 10147), global cancel, fills on command
 * (execDetails, orderStatus, commissionReport; bracket children go live, OCA siblings cancel), a
 * connectivity gap (1100 ... 1101/1102) during which nothing is sent, and reqOpenOrders /
 * reqAllOpenOrders / reqPositions / reqExecutions / reqIds / reqCurrentTime from its state. Inbound
 * layouts follow shared/docs/execution-venues.md §2.4.
 */
final class FakeTws implements AutoCloseable {
    static final String ACCOUNT = "DU000000";
    static final int CON_ID = 495512563;
    static final long WAIT_SECONDS = 10;

    static final class FakeOrder {
        int id;
        List<String> placed;
        String action;
        String qty;
        String type;
        String lmt;
        String aux;
        String tif;
        String oca;
        String orderRef;
        boolean transmitted;
        int parentId;
        String outsideRth;
        String ocaType;
        String status = "PendingSubmit";
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal avgFill = BigDecimal.ZERO;
        int clientId;

        BigDecimal remaining() {
            return new BigDecimal(qty).subtract(filled);
        }

        boolean working() {
            return transmitted && (status.equals("Submitted") || status.equals("PreSubmitted"));
        }
    }

    record Exec(int orderId, String execId, String time, String side, BigDecimal shares, BigDecimal price,
                BigDecimal cum, String orderRef, int clientId) {
    }

    private final int serverVersion;
    private final ServerSocket server;
    private final Thread acceptThread;
    private final BlockingQueue<List<String>> inbox = new LinkedBlockingQueue<>();
    private final List<List<String>> received = new ArrayList<>();
    private final List<byte[]> receivedFrames = new ArrayList<>();
    private final BlockingQueue<String> handshakes = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> connectionEnds = new LinkedBlockingQueue<>();
    private final Map<Integer, FakeOrder> orders = new TreeMap<>();
    final List<Exec> execs = new ArrayList<>();
    BigDecimal position = BigDecimal.ZERO;
    BigDecimal positionCost = BigDecimal.ZERO;
    private int nextValidId;
    private final java.util.Set<Integer> rejected = new java.util.TreeSet<>();
    private boolean gap;
    private int execSeq;
    private int handshakesSeen;
    private volatile Socket client;
    private volatile OutputStream out;

    FakeTws(int serverVersion, int nextValidId) throws IOException {
        this.serverVersion = serverVersion;
        this.nextValidId = nextValidId;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.acceptThread = new Thread(this::acceptLoop, "fake-tws-accept");
        acceptThread.setDaemon(true);
        acceptThread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "fake-tws-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        String end = "eof";
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] api = new byte[4];
            in.readFully(api);
            int len = in.readInt();
            byte[] v = new byte[len];
            in.readFully(v);
            byte[] hs = new byte[8 + len];
            System.arraycopy(api, 0, hs, 0, 4);
            hs[4] = (byte) (len >>> 24);
            hs[5] = (byte) (len >>> 16);
            hs[6] = (byte) (len >>> 8);
            hs[7] = (byte) len;
            System.arraycopy(v, 0, hs, 8, len);
            handshakes.add(TwsFrames.hex(hs));
            synchronized (this) {
                handshakesSeen++;
            }
            synchronized (this) {
                client = s;
                out = s.getOutputStream();
                gap = false;
                sendNow(List.of(Integer.toString(serverVersion), "20261125 20:00:00 UTC"));
            }
            while (true) {
                int flen = in.readInt();
                byte[] payload = new byte[flen];
                in.readFully(payload);
                List<String> fields = TwsFrames.split(payload, 0, flen, 0);
                byte[] whole = new byte[4 + flen];
                whole[0] = (byte) (flen >>> 24);
                whole[1] = (byte) (flen >>> 16);
                whole[2] = (byte) (flen >>> 8);
                whole[3] = (byte) flen;
                System.arraycopy(payload, 0, whole, 4, flen);
                synchronized (this) {
                    received.add(fields);
                    receivedFrames.add(whole);
                    handle(fields);
                }
                inbox.add(fields);
            }
        } catch (IOException | TwsProtocolException e) {
            end = e.getClass().getSimpleName();
        } finally {
            connectionEnds.add(end);
        }
    }

    // ------------------------------------------------------------------ test controls

    /** The next message the client sent with this id (skipping others); fails after 10 s. */
    List<String> awaitMessage(String msgId) throws InterruptedException {
        while (true) {
            List<String> m = inbox.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("fake TWS: no message " + msgId + " from the client");
            }
            if (m.get(0).equals(msgId)) {
                return m;
            }
        }
    }

    String awaitHandshakeHex() throws InterruptedException {
        String h = handshakes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (h == null) {
            throw new AssertionError("fake TWS: no handshake");
        }
        return h;
    }

    /** Waits until the current client connection ends; returns how (eof or exception class). */
    String awaitConnectionEnd() throws InterruptedException {
        String e = connectionEnds.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("fake TWS: the client connection did not end");
        }
        return e;
    }

    synchronized List<List<String>> received() {
        return List.copyOf(received);
    }

    synchronized List<byte[]> receivedFrames() {
        return List.copyOf(receivedFrames);
    }

    /** Fills the whole remaining quantity of an order at a price (decimal text). */
    synchronized void fill(int orderId, String price) throws IOException {
        FakeOrder o = orders.get(orderId);
        if (o == null || !o.working()) {
            throw new AssertionError("fake TWS: order " + orderId + " is not working");
        }
        fill(orderId, price, o.remaining().toPlainString());
    }

    /** Fills part (or all) of an order. */
    synchronized void fill(int orderId, String price, String quantity) throws IOException {
        FakeOrder o = orders.get(orderId);
        if (o == null || !o.working()) {
            throw new AssertionError("fake TWS: order " + orderId + " is not working");
        }
        BigDecimal px = new BigDecimal(price);
        BigDecimal q = new BigDecimal(quantity);
        o.avgFill = o.avgFill.multiply(o.filled).add(px.multiply(q))
                .divide(o.filled.add(q), java.math.MathContext.DECIMAL64);
        o.filled = o.filled.add(q);
        boolean complete = o.remaining().signum() == 0;
        o.status = complete ? "Filled" : "Submitted";
        execSeq++;
        String execId = String.format("0000e0d5.%08x.01.01", execSeq);
        String time = String.format("20261125-20:%02d:%02d", 15 + execSeq / 60, execSeq % 60);
        Exec e = new Exec(orderId, execId, time, o.action.equals("BUY") ? "BOT" : "SLD", q, px, o.filled, o.orderRef,
                o.clientId);
        execs.add(e);
        BigDecimal signed = o.action.equals("BUY") ? q : q.negate();
        BigDecimal newPos = position.add(signed);
        if (newPos.signum() == 0) {
            positionCost = BigDecimal.ZERO;
        } else if (position.signum() == 0 || position.signum() == signed.signum()) {
            positionCost = positionCost.multiply(position.abs()).add(px.multiply(q)).divide(newPos.abs(), java.math.MathContext.DECIMAL64);
        }
        position = newPos;
        List<List<String>> msgs = new ArrayList<>();
        msgs.add(execDetails(-1, e));
        msgs.add(orderStatus(o));
        msgs.add(List.of("59", "1", execId, "2.25", "USD", "1.7976931348623157E308", "1.7976931348623157E308", ""));
        for (FakeOrder other : orders.values()) {
            if (!complete) {
                break;
            }
            if (other.parentId == orderId && other.working()) {
                other.status = "Submitted";
                msgs.add(orderStatus(other));
            } else if (o.parentId != 0 && other.id != o.id && other.working()
                    && (other.parentId == o.parentId || (!o.oca.isEmpty() && o.oca.equals(other.oca)))) {
                other.status = "Cancelled";
                msgs.add(orderStatus(other));
            }
        }
        if (!gap) {
            for (List<String> m : msgs) {
                sendNow(m);
            }
        }
    }

    /** 1100: IB unreachable from TWS; nothing reaches the client until {@link #restoreConnectivity}. */
    synchronized void loseConnectivity() throws IOException {
        sendNow(List.of("4", "2", "-1", "1100", "Connectivity between IBKR and Trader Workstation has been lost.", ""));
        gap = true;
    }

    /** 1101 (data lost) or 1102 (data maintained). */
    synchronized void restoreConnectivity(int code) throws IOException {
        gap = false;
        sendNow(List.of("4", "2", "-1", Integer.toString(code),
                "Connectivity between IBKR and Trader Workstation has been restored - data maintained.", ""));
    }

    /** Closes the client's socket (TWS restart). */
    synchronized void dropClient() throws IOException {
        Socket s = client;
        if (s != null) {
            s.close();
        }
    }

    /** Closes the client's socket and, before any reconnect can be served, fills an order. */
    synchronized void dropClientAndFill(int orderId, String price) throws IOException {
        dropClient();
        gap = true;
        fill(orderId, price);
    }

    synchronized FakeOrder order(int id) {
        return orders.get(id);
    }

    synchronized int handshakeCount() {
        return handshakesSeen;
    }

    synchronized void send(List<String> fields) throws IOException {
        sendNow(fields);
    }

    // ------------------------------------------------------------------ protocol

    private void handle(List<String> f) throws IOException {
        switch (f.get(0)) {
            case "71" -> {
                sendNow(List.of("9", "1", Integer.toString(nextValidId)));
                sendNow(List.of("15", "1", ACCOUNT));
                sendNow(List.of("4", "2", "-1", "2104", "Market data farm connection is OK:usfarm", ""));
            }
            case "3" -> placeOrder(f);
            case "4" -> {
                int id = Integer.parseInt(f.get(2));
                FakeOrder o = orders.get(id);
                if (o == null || !o.working()) {
                    sendNow(List.of("4", "2", Integer.toString(id), "10147",
                            "OrderId " + id + " that needs to be cancelled is not found.", ""));
                } else {
                    cancel(o);
                }
            }
            case "58" -> {
                for (FakeOrder o : orders.values()) {
                    if (o.working()) {
                        cancel(o);
                    }
                }
            }
            case "5", "16" -> {
                for (FakeOrder o : orders.values()) {
                    if (o.working()) {
                        sendNow(openOrder(o));
                        sendNow(orderStatus(o));
                    }
                }
                sendNow(List.of("53", "1"));
            }
            case "61" -> {
                List<String> p = new ArrayList<>(List.of("61", "3", ACCOUNT));
                p.addAll(contract());
                p.add(plain(position));
                p.add(position.signum() == 0 ? "0" : dbl(positionCost.multiply(new BigDecimal("50"))));
                sendNow(p);
                sendNow(List.of("62", "1"));
            }
            case "7" -> {
                int reqId = Integer.parseInt(f.get(2));
                for (Exec e : execs) {
                    sendNow(execDetails(reqId, e));
                    sendNow(List.of("59", "1", e.execId(), "2.25", "USD", "1.7976931348623157E308",
                            "1.7976931348623157E308", ""));
                }
                sendNow(List.of("55", "1", Integer.toString(reqId)));
            }
            case "8" -> sendNow(List.of("9", "1", Integer.toString(nextValidId)));
            case "49" -> sendNow(List.of("49", "1", "1795636800"));
            default -> {
            }
        }
    }

    private void placeOrder(List<String> f) throws IOException {
        int id = Integer.parseInt(f.get(1));
        FakeOrder existing = orders.get(id);
        FakeOrder o = existing != null ? existing : new FakeOrder();
        o.id = id;
        o.placed = f;
        o.action = f.get(16);
        o.qty = f.get(17);
        o.type = f.get(18);
        o.lmt = f.get(19);
        o.aux = f.get(20);
        o.tif = f.get(21);
        o.oca = f.get(22);
        o.orderRef = f.get(26);
        o.parentId = f.get(28).isEmpty() ? 0 : Integer.parseInt(f.get(28));
        o.outsideRth = f.get(33);
        int ocaIdx = serverVersion < 177 ? 47 : 46;
        o.ocaType = f.get(ocaIdx);
        o.clientId = 7;
        if (!o.lmt.isEmpty() && new BigDecimal(o.lmt).remainder(new BigDecimal("0.25")).signum() != 0) {
            rejected.add(id);
            sendNow(List.of("4", "2", Integer.toString(id), "110",
                    "The price does not conform to the minimum price variation for this contract.", ""));
            return;
        }
        if (rejected.contains(o.parentId)) {
            rejected.add(id);
            sendNow(List.of("4", "2", Integer.toString(id), "201", "Order rejected - reason:Parent order is rejected", ""));
            return;
        }
        orders.put(id, o);
        if (existing != null && existing.transmitted) {
            sendNow(openOrder(o));
            sendNow(orderStatus(o));
            return;
        }
        if (!f.get(27).equals("1")) {
            return;
        }
        int root = o.parentId != 0 ? o.parentId : o.id;
        for (FakeOrder x : orders.values()) {
            if (!x.transmitted && (x.id == root || x.parentId == root)) {
                x.transmitted = true;
                x.status = x.parentId != 0 && orders.containsKey(x.parentId)
                        && !orders.get(x.parentId).status.equals("Filled") ? "PreSubmitted" : "Submitted";
                sendNow(openOrder(x));
                sendNow(orderStatus(x));
            }
        }
    }

    private void cancel(FakeOrder o) throws IOException {
        o.status = "Cancelled";
        sendNow(orderStatus(o));
        sendNow(List.of("4", "2", Integer.toString(o.id), "202", "Order Canceled - reason:", ""));
    }

    private static List<String> contract() {
        return List.of(Integer.toString(CON_ID), "ES", "FUT", "20261218", "0", "", "50", "CME", "USD", "ESZ6", "ES");
    }

    private List<String> orderStatus(FakeOrder o) {
        return List.of("3", Integer.toString(o.id), o.status, plain(o.filled), plain(o.remaining()), dbl(o.avgFill),
                Integer.toString(900_000 + o.id), Integer.toString(o.parentId), dbl(o.avgFill), Integer.toString(o.clientId),
                "", "0");
    }

    private List<String> openOrder(FakeOrder o) {
        List<String> m = new ArrayList<>(List.of("5", Integer.toString(o.id)));
        m.addAll(contract());
        m.addAll(List.of(o.action, o.qty, o.type, o.lmt.isEmpty() ? "0" : dbl(new BigDecimal(o.lmt)),
                o.aux.isEmpty() ? "0" : dbl(new BigDecimal(o.aux)), o.tif, o.oca, ACCOUNT, "", "0", o.orderRef,
                Integer.toString(o.clientId), Integer.toString(900_000 + o.id), o.outsideRth.equals("1") ? "1" : "0",
                "0", "0", "", "", "", "", ""));
        if (serverVersion < 177) {
            m.add("");
        }
        m.addAll(List.of("", "", "", "", "", "0", "", "-1", "0", "", "", "", "", "", "", "0", "0", "0", "",
                o.ocaType.isEmpty() ? "0" : o.ocaType, "0", "0", "", Integer.toString(o.parentId), "0"));
        for (int i = 0; i < 40; i++) {
            m.add(""); // the rest of IB's ~150 openOrder fields, which FLOF does not read
        }
        return m;
    }

    private List<String> execDetails(int reqId, Exec e) {
        List<String> m = new ArrayList<>(List.of("11", Integer.toString(reqId), Integer.toString(e.orderId())));
        m.addAll(contract());
        m.addAll(List.of(e.execId(), e.time(), ACCOUNT, "CME", e.side(), plain(e.shares()), dbl(e.price()),
                Integer.toString(900_000 + e.orderId()), Integer.toString(e.clientId()), "0", plain(e.cum()),
                dbl(e.price()), e.orderRef(), "", "", "", "2"));
        if (serverVersion >= 178) {
            m.add("0");
        }
        return m;
    }

    /** Java double text, as TWS (a Java program) prints prices: 5990.0, 6000.25. */
    private static String dbl(BigDecimal d) {
        return Double.toString(d.doubleValue());
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private void sendNow(List<String> fields) throws IOException {
        OutputStream o = out;
        if (o == null) {
            throw new IOException("fake TWS: no client");
        }
        o.write(TwsFrames.frame(fields));
        o.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = client;
        if (s != null) {
            s.close();
        }
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
