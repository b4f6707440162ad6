package dev.flof.host.shocklab;

import dev.flof.host.protect.EsSessionPolicy;
import dev.flof.host.protect.NewsBlackout;
import dev.flof.host.protect.LiquidationGuard;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The shock-lab catalogue: the twelve scenario families of issue 11, each as one or more seeded generators.
 * ES scenarios trade 1 contract long at 5000.00 with the stop at 4995.00 (1R = 5 points = USD 250) unless said
 * otherwise; crypto scenarios trade 0.1 BTC long at 60000.0 with the stop at 59400.0 (1R = 600 x 0.1 = USDT 60).
 * The background is a seeded random walk that starts and ends at fixed prices inside a band clear of the stop,
 * so every fill a test pins is independent of the seed.
 */
public final class Scenarios {
    static final long SEC = 1_000_000_000L;
    static final long MS = 1_000_000L;
    /** Tuesday 2026-11-17 15:00 UTC = 09:00 CT, regular trading hours. */
    static final long RTH = at("2026-11-17T15:00:00Z");
    /** Tuesday 2026-11-17 03:00 UTC = Monday 21:00 CT, the overnight session (hard 7 % limits). */
    static final long OVERNIGHT = at("2026-11-17T03:00:00Z");
    public static final Instrument ES = new Instrument("ESZ6", "CME", Fixed.parse("0.25"), Fixed.ofUnits(50), Fixed.ofUnits(1),
            MarketProfile.ES, "CME_GLOBEX_EQUITY");
    public static final Instrument BTC = new Instrument("BTCUSDT", "BINANCE", Fixed.parse("0.1"), Fixed.ofUnits(1),
            Fixed.parse("0.001"), MarketProfile.CRYPTO, "CRYPTO_24_7");

    private Scenarios() {
    }

    static long at(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * SEC + i.getNano();
    }

    static long px(String p) {
        return Fixed.parse(p);
    }

    /** ES defaults: IB-like 20 ms each way, stop-market, 10-point gap allowance, max 2 contracts, USD 100,000. */
    public static RigSettings esSettings() {
        return new RigSettings(20 * MS, 20 * MS, OrderType.STOP, 0, px("10"), Fixed.ofUnits(2), Fixed.ofUnits(100_000),
                Map.of(), 500 * MS, EsSessionPolicy.defaults(), NewsBlackout.none(), 0, null, false);
    }

    /** Binance USD-M defaults: 50 ms each way, algo STOP_MARKET, 1 % (600) gap allowance, max 0.5 BTC, 5x, -2021 rules. */
    public static RigSettings btcSettings() {
        return new RigSettings(50 * MS, 50 * MS, OrderType.STOP, 0, px("600"), px("0.5"), Fixed.ofUnits(100_000),
                Map.of(), 500 * MS, null, NewsBlackout.none(), 5, LiquidationGuard.defaults(), true);
    }

    static Script.Plan esPlan() {
        return new Script.Plan(Side.BUY, px("5000"), px("4995"), Fixed.ofUnits(1), 1.0);
    }

    static Script.Plan btcPlan() {
        return new Script.Plan(Side.BUY, px("60000"), px("59400"), px("0.1"), 1.0);
    }

    /**
     * Five minutes of seeded walk (one print a second, 4997-5003) ending at 4999.75, then flat at 5000.00 (bought
     * at the ask, bid 4999.75) for five seconds; the entry step fires at +300.5 s.
     */
    static ShockTape esBase(long seed, long t0) {
        ShockTape t = new ShockTape(ES, seed);
        t.walk(t0, t0 + 300 * SEC, SEC, px("5000"), px("4999.75"), px("4997"), px("5003"));
        t.flat(t0 + 300 * SEC, t0 + 305 * SEC, SEC, px("5000"));
        t.timer("step:entry", t0 + 300 * SEC + 500 * MS);
        return t;
    }

    /** As {@link #esBase} for BTCUSDT around 60000.0 (band 59950-60050, ending 59999.9 then flat at 60000.0). */
    static ShockTape btcBase(long seed, long t0) {
        ShockTape t = new ShockTape(BTC, seed);
        t.walk(t0, t0 + 300 * SEC, SEC, px("60000"), px("59999.9"), px("59950"), px("60050"));
        t.flat(t0 + 300 * SEC, t0 + 305 * SEC, SEC, px("60000"));
        t.timer("step:entry", t0 + 300 * SEC + 500 * MS);
        return t;
    }

    static Map<String, Consumer<Rig>> entry() {
        Map<String, Consumer<Rig>> m = new TreeMap<>();
        m.put("step:entry", r -> r.enterPlanned("A"));
        return m;
    }

    /** The whole catalogue, in issue order. */
    public static List<Scenario> all() {
        return List.of(
                new Scenario("gap-through-stop", 1, "CPI print gaps ES 10 points through a stop-market",
                        "the venue-held bracket stop fills at the first print beyond it",
                        "a gap fills at the gap price, not the stop: software cannot prevent this; sizing on stop + gap allowance bounds it",
                        Scenarios::gapThroughStop),
                new Scenario("gap-skips-stop-limit", 1, "a native CME stop-limit is skipped by the same gap",
                        "stop escalation: the triggered-but-unfilled stop-limit gets a marketable reduce-only exit",
                        "the exit fills at the gap price or worse; only sizing bounds that",
                        Scenarios::gapSkipsStopLimit),
                new Scenario("weekend-carry-flattened", 1, "ES position into the Friday close; Sunday opens at 4965",
                        "ES session policy: flat before the weekend close",
                        "a position carried over the weekend meets the Sunday open gap, which no stop bounds",
                        Scenarios::weekendCarry),
                new Scenario("es-limit-locked", 2, "overnight limit-down: ES locked at -7 % for 10 minutes",
                        "the stop and the overlord's flatten wait at the venue; nothing is terminated, nothing cancelled",
                        "a limit-locked market has no buyers: no exit can fill beyond the limit; only position size bounds this",
                        Scenarios::limitLocked),
                new Scenario("es-rth-halt", 2, "RTH level-1 halt (15 minutes); reopen 11 points lower",
                        "the bracket stop rests through the halt and fills at the reopen",
                        "nothing matches during a halt; the reopen gap is paid in full, sizing bounds it",
                        Scenarios::rthHalt),
                new Scenario("cme-velocity-pause", 3, "Velocity Logic: 5 seconds in Pre-Open, reopen 2 points through the stop",
                        "the bracket stop rests through the pause and fills at the reopen",
                        "no matching during the pause; the reopen is a small gap",
                        Scenarios::velocityPause),
                new Scenario("crypto-liquidation-cascade", 4, "BTC wick of 6 % in 2 seconds, thin book, spread blowout",
                        "algo STOP_MARKET (priceProtect off) at the venue; liquidation kept 3x beyond the stop at 5x; quarantine pauses entries",
                        "a thin book fills the stop at the next print through it; mark/last divergence and ADL are outside any client's control",
                        Scenarios::liquidationCascade),
                new Scenario("crypto-overleveraged-entry", 4, "the same cascade, with an entry that asks for 20x leverage",
                        "liquidation guard: leverage capped at 5x and liquidation kept 3x the stop distance away; the entry is refused",
                        "", Scenarios::overleveraged),
                new Scenario("crypto-weekend-gap", 5, "BTC Saturday: 30 minutes without a print, then 2 % lower",
                        "the venue-held stop fills at the first print after the gap",
                        "a gap fills at the gap price; only sizing bounds it",
                        Scenarios::cryptoWeekendGap),
                new Scenario("es-monday-open-after-crypto-crash", 5, "ES entry 15 minutes before the weekend close; Sunday opens 40 points lower",
                        "ES session policy: no entries in the last 15 minutes before the weekend close",
                        "", Scenarios::esMondayOpen),
                new Scenario("v-sweep-through-poi", 6, "liquidity sweep to one tick above the stop and back to the target",
                        "the stop sits beyond the sweep; the bracket target takes the move",
                        "", Scenarios::vSweep),
                new Scenario("feed-dies", 7, "market data stops mid-trade, the market falls through the stop, the feed returns 10 points lower",
                        "OCO dead-man: HALT, the venue's bracket in charge; reconciliation-free because the venue link stayed up",
                        "", Scenarios::feedDies),
                new Scenario("feed-stale", 7, "market data arrives 800 ms late mid-trade",
                        "overlord zombie-feed pillar: flatten while the venue still answers; quarantine pauses entries",
                        "", Scenarios::feedStale),
                new Scenario("venue-disconnect-fill", 8, "broker link drops; the stop fills during the outage",
                        "the venue-held stop; reconciliation on reconnect reads the fill FLOF missed",
                        "", Scenarios::venueDisconnectFill),
                new Scenario("stop-rejected-2021", 8, "crash between the entry and its stop; restart after a 2 % drop; the stop is rejected with -2021",
                        "reconciliation places the missing stop; on -2021 the stop escalation exits at market at once",
                        "the drop while no stop rested is paid in full: the entry-to-stop window on USD-M is two requests",
                        Scenarios::stopRejected2021),
                new Scenario("slow-acks", 8, "broker acknowledgements take 3 seconds",
                        "overlord ack-latency pillar: reduce-only; the bracket stop protects the open trade",
                        "", Scenarios::slowAcks),
                new Scenario("partial-entry-fast-move", 9, "limit entry of 3 fills 1 lot at a time while the market falls through the stop",
                        "bracket children work the filled quantity from the first partial fill",
                        "", Scenarios::partialEntry),
                new Scenario("process-restart", 10, "FLOF killed mid-trade and restarted 30 seconds later",
                        "the venue-held bracket; reconciliation adopts the position and blocks new entries until flat",
                        "", Scenarios::processRestart),
                new Scenario("strategy-spam", 11, "a strategy bug fires 100 brackets in one burst",
                        "overlord anti-spam: the 4th new-exposure order is vetoed and the flatten sequence runs",
                        "", Scenarios::strategySpam),
                new Scenario("size-bug", 11, "a size computed 10x too large",
                        "overlord fat finger: the order is destroyed before it leaves; flatten and halt",
                        "", Scenarios::sizeBug),
                new Scenario("losing-streak", 11, "six losing trades in a row",
                        "overlord capital pillar: 5 consecutive losses flatten and halt; the 6th entry never leaves",
                        "", Scenarios::losingStreak),
                new Scenario("minus-3pct-day", 11, "an open loss reaches 3 % of equity before the stop",
                        "overlord capital pillar: daily loss beyond 3 % flattens before the stop",
                        "", Scenarios::minus3PctDay),
                new Scenario("news-spread-parabola", 12, "spread widening and a tape-speed parabola into CPI",
                        "news blackout blocks the entry before CPI; quarantine pauses entries after it",
                        "", Scenarios::newsParabola));
    }

    // ------------------------------------------------------------------ family 1

    /** Long 5000, stop-market 4995; CPI gap from 4999 to 4990: the stop fills at 4990 = -10 points = -2R (USD 500). */
    static Script gapThroughStop(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.walk(RTH + 305 * SEC, RTH + 365 * SEC, SEC, px("5000"), px("4999"), px("4996"), px("5004"));
        t.print(RTH + 366 * SEC, px("4990"), Fixed.ofUnits(20));
        t.flat(RTH + 367 * SEC, RTH + 380 * SEC, SEC, px("4990"));
        return new Script(ES, t.build(), entry(), esPlan(), esSettings());
    }

    /** As above with a stop-limit 4995/4994: triggered, skipped, escalated to market; fills at 4990 (bid) = -2R. */
    static Script gapSkipsStopLimit(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.walk(RTH + 305 * SEC, RTH + 365 * SEC, SEC, px("5000"), px("4999"), px("4996"), px("5004"));
        t.print(RTH + 366 * SEC, px("4990"), Fixed.ofUnits(20));
        t.flat(RTH + 367 * SEC, RTH + 380 * SEC, SEC, px("4990"));
        return new Script(ES, t.build(), entry(), esPlan(), esSettings().withStop(OrderType.STOP_LIMIT, px("1")));
    }

    /** Friday 15:25 CT entry; flat-before-weekend at 15:50 CT; the Sunday 17:00 CT open at 4965 meets no position. */
    static Script weekendCarry(long seed) {
        long t0 = at("2026-11-20T21:25:00Z");
        ShockTape t = esBase(seed, t0);
        t.walk(t0 + 305 * SEC, t0 + 1800 * SEC, SEC, px("5000"), px("5001"), px("4997"), px("5004"));
        long sunday = at("2026-11-22T23:00:00Z");
        t.print(sunday, px("4965"), Fixed.ofUnits(50));
        t.flat(sunday + SEC, sunday + 30 * SEC, SEC, px("4965"));
        return new Script(ES, t.build(), entry(), esPlan(), esSettings().withSession(new EsSessionPolicy(15, true, 10)));
    }

    // ------------------------------------------------------------------ family 2, 3

    /** Overnight: down to 4997, locked at 4650 (-7 %) for 10 min, reopens at 4645: the stop fills at 4645 = -71R. */
    static Script limitLocked(long seed) {
        ShockTape t = esBase(seed, OVERNIGHT);
        long s = OVERNIGHT + 306 * SEC;
        t.sweep(s, 100 * MS, px("4997"));
        long lock = t.lastTs() + 100 * MS;
        t.venueStatus(lock, VenueStatus.Kind.HALTED, "limit-down: locked at -7 % (4650.00)");
        t.print(lock + MS, px("4650"), Fixed.ofUnits(5));
        t.flat(lock + SEC, lock + 600 * SEC, 5 * SEC, px("4650"));
        t.venueStatus(lock + 600 * SEC, VenueStatus.Kind.RESUMED, "limit expanded");
        t.print(lock + 601 * SEC, px("4645"), Fixed.ofUnits(50));
        t.flat(lock + 602 * SEC, lock + 620 * SEC, SEC, px("4645"));
        return new Script(ES, t.build(), entry(), esPlan(), esSettings());
    }

    /** RTH: down to 4996, 15-minute halt, reopen at 4985: the stop fills at 4985 = -3R (bounded, the allowance is 10). */
    static Script rthHalt(long seed) {
        ShockTape t = esBase(seed, RTH);
        long s = RTH + 306 * SEC;
        t.sweep(s, 100 * MS, px("4996"));
        long h = t.lastTs() + 100 * MS;
        t.venueStatus(h, VenueStatus.Kind.HALTED, "RTH level 1 (7 %): 15-minute halt");
        t.venueStatus(h + 900 * SEC, VenueStatus.Kind.RESUMED, "reopen");
        t.print(h + 901 * SEC, px("4985"), Fixed.ofUnits(40));
        t.flat(h + 902 * SEC, h + 920 * SEC, SEC, px("4985"));
        return new Script(ES, t.build(), entry(), esPlan(), esSettings());
    }

    /** Down to 4997, 5 s Velocity Logic pause, reopen at 4993: the stop fills at 4993 = -1.4R. */
    static Script velocityPause(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.sweep(RTH + 306 * SEC, 50 * MS, px("4997"));
        long h = t.lastTs() + 50 * MS;
        t.venueStatus(h, VenueStatus.Kind.HALTED, "Velocity Logic: Pre-Open");
        t.venueStatus(h + 5 * SEC, VenueStatus.Kind.RESUMED, "Velocity Logic: open");
        t.print(h + 5 * SEC + 10 * MS, px("4993"), Fixed.ofUnits(30));
        t.flat(h + 6 * SEC, h + 20 * SEC, SEC, px("4993"));
        return new Script(ES, t.build(), entry(), esPlan(), esSettings());
    }

    // ------------------------------------------------------------------ family 4, 5

    /**
     * BTC long 0.1 at 60000.0, stop 59400.0, 5x. Spread blows out to 50 ticks, prints fall 35.0 apart every 10 ms
     * from 60000.0: the first print through the stop is 60000 - 18 x 35 = 59370.0 = -63 USDT = -1.05R. The wick
     * bottoms at 56400.0 (-6 %) and recovers to 59000.0; liquidation (about 48240 at 5x) is never near.
     */
    static Script liquidationCascade(long seed) {
        long t0 = at("2026-11-17T20:00:00Z");
        ShockTape t = btcBase(seed, t0);
        t.spread(500);
        t.ladder(t0 + 306 * SEC, 10 * MS, px("35"), px("56400"));
        t.ladder(t.lastTs() + 10 * MS, 10 * MS, px("50"), px("59000"));
        t.spread(1);
        t.flat(t.lastTs() + SEC, t.lastTs() + 30 * SEC, SEC, px("59000"));
        return new Script(BTC, t.build(), entry(), btcPlan(), btcSettings());
    }

    /** As the cascade, but the entry asks for 20x: above the 5x cap, the liquidation guard refuses it. No position. */
    static Script overleveraged(long seed) {
        Script c = liquidationCascade(seed);
        RigSettings s = c.settings();
        s = new RigSettings(s.sendLatencyNanos(), s.ackLatencyNanos(), s.stopType(), s.stopLimitOffset(), s.gapAllowance(),
                s.maxPosition(), s.equity(), s.breakerParams(), s.escalationGraceNanos(), s.session(), s.blackout(), 20,
                s.liquidation(), s.binanceStopRules());
        return new Script(c.instrument(), c.tape(), c.steps(), c.plan(), s);
    }

    /** Saturday BTC: after the entry, 30 minutes without a print, then 58800.0: the stop fills there = -120 USDT = -2R. */
    static Script cryptoWeekendGap(long seed) {
        long t0 = at("2026-11-21T02:00:00Z");
        ShockTape t = btcBase(seed, t0);
        long g = t0 + 305 * SEC + 1800 * SEC;
        t.print(g, px("58800"), px("3"));
        t.flat(g + SEC, g + 20 * SEC, SEC, px("58800"));
        return new Script(BTC, t.build(), entry(), btcPlan(), btcSettings());
    }

    /** Friday 15:45 CT: the entry is blocked (15 minutes before the weekend close); Sunday opens at 4960. */
    static Script esMondayOpen(long seed) {
        long t0 = at("2026-11-20T21:40:00Z");
        ShockTape t = esBase(seed, t0);
        t.walk(t0 + 305 * SEC, t0 + 1200 * SEC, SEC, px("5000"), px("5000"), px("4997"), px("5004"));
        long sunday = at("2026-11-22T23:00:00Z");
        t.print(sunday, px("4960"), Fixed.ofUnits(50));
        t.flat(sunday + SEC, sunday + 30 * SEC, SEC, px("4960"));
        return new Script(ES, t.build(), entry(), esPlan(), esSettings());
    }

    // ------------------------------------------------------------------ family 6

    /** Sweep from 5000 to 4995.25 (one tick above the stop) and up to 5015: the target fills at 5015 = +3R. */
    static Script vSweep(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.sweep(RTH + 306 * SEC, 50 * MS, px("4995.25"));
        t.sweep(t.lastTs() + 50 * MS, 50 * MS, px("5016"));
        t.flat(t.lastTs() + SEC, t.lastTs() + 10 * SEC, SEC, px("5016"));
        return new Script(ES, t.build(), entry(), esPlan(), esSettings());
    }

    // ------------------------------------------------------------------ family 7

    /** Feed dies at +310 s; the market falls through 4995 (stop fills at 4995 = -1R); the feed returns at 4990. */
    static Script feedDies(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.feedStatus(RTH + 310 * SEC, FeedStatus.Kind.DISCONNECTED, "socket closed");
        t.sweep(RTH + 311 * SEC, 500 * MS, px("4990"));
        t.flat(t.lastTs() + SEC, RTH + 420 * SEC, SEC, px("4990"));
        t.feedStatus(RTH + 420 * SEC + 500 * MS, FeedStatus.Kind.RECONNECTED, "gap: 100 s of data missing");
        t.flat(RTH + 421 * SEC, RTH + 440 * SEC, SEC, px("4990"));
        return new Script(ES, t.build(), entry(), esPlan(), esSettings());
    }

    /** From +310 s market data is 800 ms late at 5000 flat: the overlord flattens at the bid 4999.75 = -0.05R. */
    static Script feedStale(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.lag(800 * MS);
        t.flat(RTH + 305 * SEC, RTH + 340 * SEC, SEC, px("5000"));
        return new Script(ES, t.build(), entry(), esPlan(), esSettings());
    }

    // ------------------------------------------------------------------ family 8

    /** The broker link drops at +310 s; the stop fills at 4995 during the outage (-1R); reconnect at +400 s. */
    static Script venueDisconnectFill(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.venueStatus(RTH + 310 * SEC, VenueStatus.Kind.DISCONNECTED, "broker socket closed");
        t.sweep(RTH + 311 * SEC, 500 * MS, px("4992"));
        t.flat(t.lastTs() + SEC, RTH + 400 * SEC, SEC, px("4992"));
        t.venueStatus(RTH + 400 * SEC + 500 * MS, VenueStatus.Kind.RECONNECTED, "broker socket open");
        t.flat(RTH + 401 * SEC, RTH + 420 * SEC, SEC, px("4992"));
        return new Script(ES, t.build(), entry(), esPlan(), esSettings());
    }

    /**
     * The previous process bought 0.1 BTC at 60000.0 (the ask) and died before its stop left. BTC drops to 58900.0.
     * The restart places the missing stop at 59400.0 (60000 - 1R): Binance answers -2021; the escalation sells at
     * the bid 58900.0 = -110 USDT = -1.83R.
     */
    static Script stopRejected2021(long seed) {
        long t0 = at("2026-11-17T20:00:00Z");
        ShockTape t = btcBase(seed, t0);
        t.ladder(t0 + 310 * SEC, 200 * MS, px("20"), px("58900"));
        t.flat(t.lastTs() + SEC, t0 + 400 * SEC, SEC, px("58900"));
        t.timer("step:restart", t0 + 380 * SEC + 500 * MS);
        Map<String, Consumer<Rig>> steps = new TreeMap<>();
        steps.put("step:entry", r -> {
            r.rawSend(new OrderCommand.Submit(new Order("BTCUSDT-PREV-E", "BTCUSDT", Side.BUY, OrderType.MARKET, px("0.1"), 0, 0,
                    TimeInForce.GTC, false)), "entry sent by the previous process");
            r.kill();
        });
        steps.put("step:restart", Rig::restart);
        return new Script(BTC, t.build(), steps, btcPlan(), btcSettings());
    }

    /** Acks take 3 s: the overlord goes reduce-only; the market falls through 4995: the stop fills at 4995 = -1R. */
    static Script slowAcks(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.flat(RTH + 305 * SEC, RTH + 320 * SEC, SEC, px("5000"));
        t.sweep(RTH + 320 * SEC, 500 * MS, px("4992"));
        t.flat(t.lastTs() + SEC, RTH + 380 * SEC, SEC, px("4992"));
        t.timer("step:second-entry", RTH + 330 * SEC + 500 * MS);
        Map<String, Consumer<Rig>> steps = entry();
        steps.put("step:second-entry", r -> r.enterPlanned("B"));
        return new Script(ES, t.build(), steps, esPlan(), esSettings().withLatency(20 * MS, 3 * SEC));
    }

    // ------------------------------------------------------------------ family 9, 10

    /**
     * A resting buy limit of 3 at 4999.75 (the bid) fills one lot per one-lot print through it (4999.50, 4999.25,
     * 4999.00) while the market falls one tick per 200 ms to 4990: the stop child covers each partial fill at once and
     * sells 3 at 4994.75 = 5 points x 3 x 50 = USD 750 = -1R.
     */
    static Script partialEntry(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.sweep(RTH + 306 * SEC, 200 * MS, px("4990"));
        t.flat(t.lastTs() + SEC, t.lastTs() + 15 * SEC, SEC, px("4990"));
        Map<String, Consumer<Rig>> steps = new TreeMap<>();
        steps.put("step:entry", r -> r.enter("P", Side.BUY, OrderType.LIMIT, px("4999.75"), Fixed.ofUnits(3), px("4994.75"),
                px("5014.75")));
        Script.Plan plan = new Script.Plan(Side.BUY, px("4999.75"), px("4994.75"), Fixed.ofUnits(3), 1.0);
        RigSettings s = esSettings();
        s = new RigSettings(s.sendLatencyNanos(), s.ackLatencyNanos(), s.stopType(), s.stopLimitOffset(), s.gapAllowance(),
                Fixed.ofUnits(3), s.equity(), s.breakerParams(), s.escalationGraceNanos(), s.session(), s.blackout(), s.leverage(),
                s.liquidation(), s.binanceStopRules());
        return new Script(ES, t.build(), steps, plan, s);
    }

    /** Killed at +330 s, restarted at +360 s (reconciliation adopts, blocks the +390 s entry); stop fills 4995 = -1R. */
    static Script processRestart(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.walk(RTH + 305 * SEC, RTH + 420 * SEC, SEC, px("5000"), px("4999"), px("4997"), px("5003"));
        t.sweep(RTH + 420 * SEC, 500 * MS, px("4990"));
        t.flat(t.lastTs() + SEC, t.lastTs() + 10 * SEC, SEC, px("4990"));
        t.timer("step:kill", RTH + 330 * SEC + 500 * MS);
        t.timer("step:restart", RTH + 360 * SEC + 500 * MS);
        t.timer("step:entry-after-restart", RTH + 390 * SEC + 500 * MS);
        Map<String, Consumer<Rig>> steps = entry();
        steps.put("step:kill", Rig::kill);
        steps.put("step:restart", Rig::restart);
        steps.put("step:entry-after-restart", r -> r.enterPlanned("B"));
        return new Script(ES, t.build(), steps, esPlan(), esSettings());
    }

    // ------------------------------------------------------------------ family 11

    /**
     * Long 1 at 5000; then 100 bracket entries (limit 4900) in one burst. Orders 2 and 3 of the minute pass, the
     * 4th is vetoed and trips the flatten: sell 1 at the bid 4999.75 = -0.05R.
     */
    static Script strategySpam(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.flat(RTH + 305 * SEC, RTH + 330 * SEC, SEC, px("5000"));
        t.timer("step:spam", RTH + 310 * SEC + 500 * MS);
        Map<String, Consumer<Rig>> steps = entry();
        steps.put("step:spam", r -> r.spam(100, px("4900"), px("4890")));
        return new Script(ES, t.build(), steps, esPlan(), esSettings());
    }

    /** A size of 10 contracts (maximum 2): the overlord destroys the order before it leaves. No position, no loss. */
    static Script sizeBug(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.flat(RTH + 305 * SEC, RTH + 330 * SEC, SEC, px("5000"));
        Map<String, Consumer<Rig>> steps = new TreeMap<>();
        steps.put("step:entry", r -> r.enter("X", Side.BUY, OrderType.MARKET, 0, Fixed.ofUnits(10), px("4995"), px("5015")));
        return new Script(ES, t.build(), steps, esPlan(), esSettings());
    }

    /**
     * Six cycles of 70 s: entry at 5000, fall to 4995 (stop fills at 4995, -1R), back to 5000. After the 5th loss the
     * overlord flattens and halts: the 6th entry never leaves. Loss 5R, the streak limit (budget 5R).
     */
    static Script losingStreak(long seed) {
        ShockTape t = esBase(seed, RTH);
        Map<String, Consumer<Rig>> steps = new TreeMap<>();
        steps.put("step:entry", r -> r.enterPlanned("L1"));
        for (int i = 0; i < 6; i++) {
            long c = RTH + 305 * SEC + i * 70 * SEC;
            if (i > 0) {
                t.flat(c, c + 5 * SEC, SEC, px("5000"));
                String key = "step:entry-" + (i + 1);
                t.timer(key, c + 500 * MS);
                int n = i + 1;
                steps.put(key, r -> r.enterPlanned("L" + n));
            }
            t.sweep(c + 5 * SEC, SEC, px("4994"));
            t.sweep(t.lastTs() + SEC, SEC, px("4999.75"));
            t.flat(t.lastTs() + SEC, c + 70 * SEC, SEC, px("4999.75"));
        }
        Script.Plan plan = new Script.Plan(Side.BUY, px("5000"), px("4995"), Fixed.ofUnits(1), 5.0);
        return new Script(ES, t.build(), steps, plan, esSettings());
    }

    /**
     * Equity 25,000, long 2 at 5000, stop 4990 (1R = USD 1,000 = 4 %). The market falls one tick per 500 ms; the
     * overlord flattens once the day's loss passes 3 % (750 = 7.5 points on 2 contracts), before the stop.
     */
    static Script minus3PctDay(long seed) {
        ShockTape t = esBase(seed, RTH);
        t.sweep(RTH + 306 * SEC, 500 * MS, px("4985"));
        t.flat(t.lastTs() + SEC, t.lastTs() + 10 * SEC, SEC, px("4985"));
        Map<String, Consumer<Rig>> steps = new TreeMap<>();
        steps.put("step:entry", r -> r.enter("D", Side.BUY, OrderType.MARKET, 0, Fixed.ofUnits(2), px("4990"), px("5030")));
        Script.Plan plan = new Script.Plan(Side.BUY, px("5000"), px("4990"), Fixed.ofUnits(2), 1.0);
        return new Script(ES, t.build(), steps, plan, esSettings().withEquity(Fixed.ofUnits(25_000)));
    }

    // ------------------------------------------------------------------ family 12

    /**
     * CPI on Thursday 2026-12-10 13:30 UTC, blackout -5/+10 min. The 13:25:00.5 entry is blocked by the calendar;
     * from 13:29 the spread widens to 6 ticks and prints come 20 a second up to the release; the 13:40:30.5 entry
     * (after the blackout) meets the quarantine's 15-minute cooldown. No position, no loss.
     */
    static Script newsParabola(long seed) {
        long t0 = at("2026-12-10T13:20:00Z");
        ShockTape t = esBase(seed, t0);
        t.walk(t0 + 305 * SEC, t0 + 540 * SEC, SEC, px("5000"), px("5000"), px("4997"), px("5004"));
        t.spread(6);
        t.sweep(t0 + 540 * SEC, 50 * MS, px("5015"));
        t.flat(t.lastTs() + 50 * MS, t0 + 600 * SEC, 50 * MS, px("5015"));
        t.print(t0 + 600 * SEC, px("5030"), Fixed.ofUnits(40));
        t.spread(1);
        t.walk(t0 + 601 * SEC, t0 + 1560 * SEC, SEC, px("5030"), px("5030"), px("5025"), px("5035"));
        t.timer("step:after-blackout", t0 + 1230 * SEC + 500 * MS);
        Map<String, Consumer<Rig>> steps = entry();
        steps.put("step:after-blackout", r -> r.enter("N2", Side.BUY, OrderType.MARKET, 0, Fixed.ofUnits(1), px("5025"), px("5045")));
        NewsBlackout cpi = new NewsBlackout(List.of(new NewsBlackout.Release(at("2026-12-10T13:30:00Z"), "CPI", 5, 10)));
        return new Script(ES, t.build(), steps, esPlan(), esSettings().withBlackout(cpi));
    }
}
