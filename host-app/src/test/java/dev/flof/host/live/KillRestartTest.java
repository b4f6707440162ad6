package dev.flof.host.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.ext.ExecutionVenue;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 while a position and its bracket rest at the venue, then restart: FLOF finds the position and the
 * bracket, adopts them, sends no order (no duplicate entry, no second stop) and follows the trade to flat.
 *
 * <p>The venue is the feeds plugin's fake TWS (the real framed socket protocol at server version 178) on
 * loopback in this JVM; FLOF runs as a child JVM with the host's class path and the installation's plugins
 * folder (the real {@code ibkr} extension), killed with SIGKILL ({@link Process#destroyForcibly()}).
 * Every wait is on a condition with a deadline.
 */
class KillRestartTest {
    static final long DEADLINE_S = 90;

    @TempDir
    Path work;

    /** The fake TWS of the feeds plugin's tests, reached by reflection (it is package-private there). */
    static final class Tws implements AutoCloseable {
        final Object fake;
        final Class<?> cls;
        final URLClassLoader loader;

        Tws() throws Exception {
            // the plugins folder sits in the repository root, next to the feeds module
            Path base = Path.of(System.getProperty("flof.plugins.dir", "../plugins")).toAbsolutePath()
                    .resolve("../flof-plugin-feeds/target").normalize();
            Path tc = base.resolve("test-classes");
            Path c = base.resolve("classes");
            assertTrue(Files.isRegularFile(tc.resolve("dev/flof/feeds/ib/FakeTws.class")),
                    "the feeds plugin's test classes (its fake TWS) are not built at " + tc
                            + ": build flof-plugin-feeds (test-compile) first; the reactor build does this before host-app");
            loader = new URLClassLoader(new URL[] {tc.toUri().toURL(), c.toUri().toURL()}, KillRestartTest.class.getClassLoader());
            cls = Class.forName("dev.flof.feeds.ib.FakeTws", true, loader);
            Constructor<?> ctor = cls.getDeclaredConstructor(int.class, int.class);
            ctor.setAccessible(true);
            fake = ctor.newInstance(178, 1000);
        }

        Object call(String name, Class<?>[] types, Object... args) throws Exception {
            Method m = cls.getDeclaredMethod(name, types);
            m.setAccessible(true);
            return m.invoke(fake, args);
        }

        int port() throws Exception {
            return (Integer) call("port", new Class<?>[0]);
        }

        void fill(int orderId, String price) throws Exception {
            call("fill", new Class<?>[] {int.class, String.class}, orderId, price);
        }

        @SuppressWarnings("unchecked")
        List<List<String>> received() throws Exception {
            return (List<List<String>>) call("received", new Class<?>[0]);
        }

        long count(String msgId) throws Exception {
            return received().stream().filter(m -> m.get(0).equals(msgId)).count();
        }

        String status(int orderId) throws Exception {
            Object o = call("order", new Class<?>[] {int.class}, orderId);
            var f = o.getClass().getDeclaredField("status");
            f.setAccessible(true);
            return (String) f.get(o);
        }

        /**
         * Real TWS keeps order ids per client id; the fake keeps one id space and answers every client with the
         * same next id, so after the set-up client placed its orders the next id is moved past them.
         */
        void nextValidId(int id) throws Exception {
            var f = cls.getDeclaredField("nextValidId");
            f.setAccessible(true);
            f.setInt(fake, id);
        }

        ExecutionVenue venue() throws Exception {
            return (ExecutionVenue) Class.forName("dev.flof.feeds.ib.IbExecutionVenue", true, loader).getDeclaredConstructor()
                    .newInstance();
        }

        @Override
        public void close() throws Exception {
            call("close", new Class<?>[0]);
            loader.close();
        }
    }

    /** A child FLOF process and its output lines. */
    static final class Flof implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> all = Collections.synchronizedList(new ArrayList<>());

        Flof(Path dir, Path runner) throws Exception {
            this(dir, "--runner", runner);
        }

        /** @param option {@code --runner} (a runner file) or {@code --config} (a configuration with a live: section) */
        Flof(Path dir, String option, Path file) throws Exception {
            String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> cmd = List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dflof.plugins.dir=" + Path.of(System.getProperty("flof.plugins.dir", "../plugins")).toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path"), "dev.flof.host.cli.Main",
                    "live", option, file.toString(), LiveCommand.CONFIRM);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            process = pb.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        all.add(l);
                        lines.add(l);
                    }
                } catch (java.io.IOException e) {
                    all.add("(reader: " + e + ")");
                }
            }, "flof-child-output");
            reader.setDaemon(true);
            reader.start();
        }

        String await(Predicate<String> p, String what) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_S);
            while (true) {
                long left = end - System.nanoTime();
                String l = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (l == null) {
                    throw new AssertionError("FLOF did not print " + what + " within " + DEADLINE_S + " s (alive: "
                            + process.isAlive() + "); output:\n" + String.join("\n", all));
                }
                if (p.test(l)) {
                    return l;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(DEADLINE_S, TimeUnit.SECONDS);
            }
        }
    }

    static JsonNode status(String statusLine) throws Exception {
        String url = statusLine.substring(statusLine.indexOf("http://"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JsonMapper.builder().build().readTree(r.body());
    }

    @Test
    void killedWhileInATradeThenRestartedAdoptsPositionAndBracketWithoutDuplicateOrders() throws Exception {
        try (Tws tws = new Tws()) {
            // 1. A position with its bracket resting at the venue: bracket placed, entry filled.
            longBracketFilledAtTheVenue(tws, "k1", 1, "6020");
            assertEquals(3, tws.count("3"), "entry, stop and target were placed once");
            assertEquals("Submitted", tws.status(1001));
            assertEquals("Submitted", tws.status(1002));

            tws.nextValidId(2000);
            Path runner = runner(tws);

            // 2. FLOF starts, reconciles and adopts; then it is killed with SIGKILL.
            try (Flof first = new Flof(work, runner)) {
                String rec = first.await(l -> l.startsWith("flof live: reconciled ibkr"), "its start-up reconciliation");
                assertTrue(rec.contains("positions 1 ESZ6 @ 6000"), rec);
                assertFalse(rec.contains("protective stops placed"), rec);
                first.await(l -> l.contains("status at http://127.0.0.1:"), "its status address");
                first.process.destroyForcibly();
                assertTrue(first.process.waitFor(DEADLINE_S, TimeUnit.SECONDS), "the killed process ended");
                assertEquals(137, first.process.exitValue(), "128 + SIGKILL(9)");
            }
            assertEquals(3, tws.count("3"), "the first FLOF sent no order");
            assertTrue(Files.isRegularFile(work.resolve("state/last-execution-ibkr.txt")), "last execution time kept on disk");
            assertEquals("Submitted", tws.status(1001), "the stop rests at the venue while FLOF is dead");

            // 3. Restart: position and bracket are found and adopted; nothing is sent.
            try (Flof second = new Flof(work, runner)) {
                String rec = second.await(l -> l.startsWith("flof live: reconciled ibkr"), "its start-up reconciliation");
                assertTrue(rec.contains("positions 1 ESZ6 @ 6000"), rec);
                assertTrue(rec.contains("adopted [s-k1 (SELL STOP 1 ESZ6), t-k1 (SELL LIMIT 1 ESZ6)]"), rec);
                assertFalse(rec.contains("protective stops placed"), rec);
                String addr = second.await(l -> l.contains("status at http://127.0.0.1:"), "its status address");
                JsonNode st = status(addr);
                JsonNode es = st.get("instruments").get(0);
                assertEquals("ESZ6", es.get("symbol").asText());
                assertEquals("1", es.get("venuePosition").asText());
                assertEquals("stop 5990 x1", es.get("protection").asText());
                assertTrue(es.get("adopted").asBoolean());
                assertTrue(st.get("venues").get(0).get("reconciled").asBoolean());
                assertEquals("live", st.get("mode").asText());

                // the venue's target fills: FLOF follows the adopted trade to flat
                tws.fill(1002, "6020");
                second.await(l -> l.contains("ESZ6 at ibkr is flat again (t-k1 filled)"), "the adopted trade closing");
                assertEquals("Cancelled", tws.status(1001), "the OCA stop went with the target fill (venue side)");
                JsonNode after = status(addr).get("instruments").get(0);
                assertEquals("0", after.get("venuePosition").asText());
                assertEquals("flat", after.get("protection").asText());

                assertEquals(3, tws.count("3"), "no duplicate order after the restart");
                assertEquals(0, tws.count("4"), "no cancel was sent");
                assertEquals(0, tws.count("58"), "no global cancel was sent");
            }
        }
    }

    private Path runner(Tws tws) throws Exception {
        Path runner = work.resolve("runner.yaml");
        Files.writeString(runner, """
                symbols: [ESZ6]
                equity: "100000"
                maxPosition: {ES: "2"}
                emergencyStop: {ES: "10"}
                venues:
                  - id: ibkr
                    symbols: [ESZ6]
                    params: {host: 127.0.0.1, port: "%d", clientId: "11", timeoutMs: "10000", reconnectDelaysMs: ""}
                status: {port: 0}
                stateDir: state
                """.formatted(tws.port()));
        return runner;
    }

    @Test
    void positionFoundWithoutAStopGetsItsStopFirstOverTheWire() throws Exception {
        try (Tws tws = new Tws()) {
            // a long position and no protective order at the venue (an entry placed outside a bracket)
            BlockingQueue<Event> events = new LinkedBlockingQueue<>();
            Params p = new Params("venues.ibkr", Map.of("host", "127.0.0.1", "port", Integer.toString(tws.port()),
                    "clientId", "7", "timeoutMs", "10000", "reconnectDelaysMs", ""));
            try (ExecutionVenue.Session s = tws.venue().connect(new ExecutionVenue.Context(p, events::add, n -> Optional.empty(),
                    () -> System.currentTimeMillis() * 1_000_000L))) {
                s.send(new OrderCommand.Submit(new Order("naked", "ESZ6", Side.BUY, OrderType.LIMIT, Fixed.ofUnits(1),
                        Fixed.parse("6000.50"), 0, TimeInForce.DAY, false)));
                awaitOrder(events, "naked", OrderEvent.Kind.ACCEPTED);
                tws.fill(1000, "6000.50");
                awaitOrder(events, "naked", OrderEvent.Kind.FILLED);
            }
            assertEquals(1, tws.count("3"));
            tws.nextValidId(2000);
            try (Flof flof = new Flof(work, runner(tws))) {
                String rec = flof.await(l -> l.startsWith("flof live: reconciled ibkr"), "its start-up reconciliation");
                assertTrue(rec.contains("positions 1 ESZ6 @ 6000.5"), rec);
                assertTrue(rec.contains("protective stops placed first [FLOF-RS-ESZ6-"), rec);
                String addr = flof.await(l -> l.contains("status at http://127.0.0.1:"), "its status address");
                flof.await(l -> l.contains("is resting at ibkr"), "the venue confirming the emergency stop");
                List<List<String>> placed = tws.received().stream().filter(m -> m.get(0).equals("3")).toList();
                assertEquals(2, placed.size(), "exactly one order from FLOF: the stop");
                List<String> stop = placed.get(1);
                assertEquals("SELL", stop.get(16));
                assertEquals("1", stop.get(17));
                assertEquals("STP", stop.get(18));
                // 6000.50 - 10 = 5990.50, on the 0.25 tick grid already
                assertEquals("5990.5", stop.get(20));
                assertEquals("1", stop.get(33), "an ES protective stop triggers outside regular trading hours");
                assertTrue(stop.get(26).startsWith("FLOF-RS-ESZ6-"), stop.get(26));
                JsonNode es = status(addr).get("instruments").get(0);
                assertEquals("1", es.get("venuePosition").asText());
                assertEquals("stop 5990.5 x1", es.get("protection").asText());
            }
        }
    }

    /**
     * Kill -9 while a 2-lot ES position rests with its bracket, restart, and the adopted trade is <em>managed</em>:
     * the restarted FLOF hands the position and its resting stop and target to order management, and when price
     * reaches 2R (entry 6000, stop 5990: 1R = 10 points, 2R = 6020) the default exit manager (Hybrid Shield) sends
     * half the position out at market and moves the adopted stop to breakeven + 1 tick (6000.25), then resizes it to
     * the one lot left once the exit filled. No duplicate entry, no second stop.
     *
     * <p>The first FLOF is a child JVM killed with SIGKILL and configured only by the live: section of its
     * configuration file; the restarted FLOF runs in this JVM (a {@link LiveRunner} in live mode with the real
     * {@code ibkr} extension) so the test can hand it prints through its inbound queue, as a market-data feed would.
     */
    @Test
    void adoptedPositionIsManagedAfterKillAndRestart() throws Exception {
        try (Tws tws = new Tws()) {
            longBracketFilledAtTheVenue(tws, "k2", 2, "6040");
            assertEquals(3, tws.count("3"));
            tws.nextValidId(2000);
            Path config = work.resolve("flof.yaml");
            Files.writeString(config, """
                    live:
                      symbols: [ESZ6]
                      equity: "100000"
                      maxPosition: {ES: "2"}
                      emergencyStop: {ES: "10"}
                      venues:
                        - id: ibkr
                          symbols: [ESZ6]
                          params: {host: 127.0.0.1, port: "%d", clientId: "11", timeoutMs: "10000", reconnectDelaysMs: ""}
                      status: {port: 0}
                      stateDir: state
                    """.formatted(tws.port()));

            try (Flof first = new Flof(work, "--config", config)) {
                String rec = first.await(l -> l.startsWith("flof live: reconciled ibkr"), "its start-up reconciliation");
                assertTrue(rec.contains("positions 2 ESZ6 @ 6000"), rec);
                first.await(l -> l.contains("adopted 2 ESZ6 @ 6000 from ibkr with stop 5990 (s-k2) and target 6040 (t-k2)"),
                        "the adoption into order management");
                first.process.destroyForcibly();
                assertTrue(first.process.waitFor(DEADLINE_S, TimeUnit.SECONDS));
                assertEquals(137, first.process.exitValue(), "128 + SIGKILL(9)");
            }
            assertEquals(3, tws.count("3"), "the first FLOF sent no order");

            dev.flof.host.config.FlofConfig cfg = new dev.flof.host.config.ConfigLoader().load(Optional.of(config));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (dev.flof.host.plugin.PluginHost host = dev.flof.host.plugin.PluginHost.start(PaperRunnerTest.PLUGINS);
                 LiveRunner second = new LiveRunner(LiveRunner.Mode.LIVE, cfg, cfg.live(), host, n -> Optional.empty(),
                         new dev.flof.host.kernel.SystemClock(), work, new java.io.PrintStream(out, true, StandardCharsets.UTF_8), false)) {
                Thread kernel = KernelThread.start(second, "restarted-kernel");
                LiveStatus adopted = second.awaitStatus(x -> x.venues().get(0).reconciled() && "2".equals(x.instruments().get(0).position()),
                        Duration.ofSeconds(DEADLINE_S));
                LiveStatus.InstrumentStatus es = adopted.instruments().get(0);
                assertEquals("2", es.venuePosition());
                assertTrue(es.adopted());
                assertEquals("stop 5990 x2", es.protection());
                String log = out.toString(StandardCharsets.UTF_8);
                assertTrue(log.contains("adopted 2 ESZ6 @ 6000 from ibkr with stop 5990 (s-k2) and target 6040 (t-k2)"), log);
                assertEquals(3, tws.count("3"), "adoption sends nothing");

                // a print at 2R: half goes out and the stop moves to breakeven + 1 tick (a single print leaves no
                // low-volume zone behind the trade that the exit manager would trail to instead)
                long now = System.currentTimeMillis() * 1_000_000L;
                second.inbound().publish(new dev.flof.spi.event.Trade("ESZ6", now, now, 1, Fixed.parse("6020"),
                        Fixed.ofUnits(1), Side.BUY, dev.flof.spi.market.AggressorRule.VENUE));
                List<String> exit = awaitPlaced(tws, m -> m.get(26).endsWith("-p1"), "the 2R scale-out",
                        () -> out.toString(StandardCharsets.UTF_8) + "\nstatus: " + second.status().toJson());
                assertEquals("SELL", exit.get(16));
                assertEquals("1", exit.get(17), "half of the 2-lot position");
                assertEquals("MKT", exit.get(18));
                List<String> be = awaitPlaced(tws, m -> m.get(1).equals("1001") && m.get(20).equals("6000.25"),
                        "the adopted stop moved to breakeven + 1 tick");
                assertEquals("2", be.get(17), "the stop still covers both lots until the exit fills");
                assertEquals("s-k2", be.get(26), "the adopted stop itself was modified, not a second stop placed");

                tws.fill(Integer.parseInt(exit.get(1)), "6020");
                LiveStatus half = second.awaitStatus(x -> "1".equals(x.instruments().get(0).position())
                        && "1".equals(x.instruments().get(0).venuePosition()), Duration.ofSeconds(DEADLINE_S));
                assertEquals("1", half.instruments().get(0).venuePosition());
                List<String> resized = awaitPlaced(tws, m -> m.get(1).equals("1001") && m.get(17).equals("1"),
                        "the stop resized to the lot left");
                assertEquals("6000.25", resized.get(20), "resized at the breakeven price");

                long placed = tws.received().stream().filter(m -> m.get(0).equals("3")).count();
                long newIds = tws.received().stream().filter(m -> m.get(0).equals("3") && Integer.parseInt(m.get(1)) >= 2000).count();
                assertEquals(1, newIds, "one new order after the restart: the scale-out (no duplicate entry, no second stop)");
                assertTrue(placed >= 6, "3 bracket orders, the exit and two modifies of the stop: " + placed);
                assertEquals(0, tws.count("4"), "no cancel was sent");
                second.stop();
                kernel.join(30_000);
                assertFalse(kernel.isAlive());
                assertEquals(1L, second.journal().counters().get("oms: positions adopted from the venue"));
            }
        }
    }

    /**
     * What a killed FLOF leaves at the venue: a long ES bracket (buy limit 6000, stop 5990, target {@code target})
     * placed through the real {@code ibkr} extension by a first session, its entry filled, the session gone.
     */
    static void longBracketFilledAtTheVenue(Tws tws, String id, int lots, String target) throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Params p = new Params("venues.ibkr", Map.of("host", "127.0.0.1", "port", Integer.toString(tws.port()),
                "clientId", "7", "timeoutMs", "10000", "reconnectDelaysMs", ""));
        try (ExecutionVenue.Session s = tws.venue().connect(new ExecutionVenue.Context(p, events::add, n -> Optional.empty(),
                () -> System.currentTimeMillis() * 1_000_000L))) {
            s.send(new OrderCommand.SubmitBracket(new BracketOrder(id,
                    new Order("e-" + id, "ESZ6", Side.BUY, OrderType.LIMIT, Fixed.ofUnits(lots), Fixed.parse("6000"), 0, TimeInForce.DAY, false),
                    new Order("s-" + id, "ESZ6", Side.SELL, OrderType.STOP, Fixed.ofUnits(lots), 0, Fixed.parse("5990"), TimeInForce.GTC, true),
                    new Order("t-" + id, "ESZ6", Side.SELL, OrderType.LIMIT, Fixed.ofUnits(lots), Fixed.parse(target), 0, TimeInForce.GTC, true))));
            awaitOrder(events, "t-" + id, OrderEvent.Kind.ACCEPTED);
            tws.fill(1000, "6000");
            awaitOrder(events, "e-" + id, OrderEvent.Kind.FILLED);
        }
    }

    static List<String> awaitPlaced(Tws tws, Predicate<List<String>> match, String what) throws Exception {
        return awaitPlaced(tws, match, what, () -> "");
    }

    /** As above; {@code context} (e.g. the runner's log) is added to the failure message. */
    static List<String> awaitPlaced(Tws tws, Predicate<List<String>> match, String what,
                                    java.util.function.Supplier<String> context) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_S);
        while (System.nanoTime() < end) {
            for (List<String> m : tws.received()) {
                if (m.get(0).equals("3") && match.test(m)) {
                    return m;
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
        throw new AssertionError("the fake TWS never received " + what + "; placeOrders: "
                + tws.received().stream().filter(m -> m.get(0).equals("3")).map(m -> m.get(1) + " " + m.get(16) + " " + m.get(17)
                + " " + m.get(18) + " lmt " + m.get(19) + " aux " + m.get(20) + " ref " + m.get(26)).toList()
                + "\n" + context.get());
    }

    static void awaitOrder(BlockingQueue<Event> events, String coid, OrderEvent.Kind kind) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_S);
        List<Event> seen = new ArrayList<>();
        while (true) {
            long left = end - System.nanoTime();
            Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            assertNotNull(e, () -> "no " + kind + " for " + coid + "; seen " + seen);
            seen.add(e);
            if (e instanceof OrderEvent o && o.clientOrderId().equals(coid) && o.kind() == kind) {
                return;
            }
        }
    }
}
