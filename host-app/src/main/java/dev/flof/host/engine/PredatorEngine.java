package dev.flof.host.engine;

import dev.flof.host.calendar.ExchangeCalendar;
import dev.flof.host.calendar.Interval;
import dev.flof.host.journal.Journal;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.PositionSizer;
import dev.flof.spi.ext.StopPolicy;
import dev.flof.spi.ext.StructureAnalyzer;
import dev.flof.spi.flow.FlowSignal;
import dev.flof.spi.flow.FlowSnapshot;
import dev.flof.spi.market.DataTier;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.risk.Factor;
import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.ProtectionPlan;
import dev.flof.spi.risk.Setup;
import dev.flof.spi.structure.Bias;
import dev.flof.spi.structure.MarketMap;
import dev.flof.spi.structure.PointOfInterest;
import dev.flof.spi.structure.StructureEvent;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Predator engine of one instrument (issue 8): SMC is the map, order flow the trigger. It orchestrates
 * the configured extensions only through the SPI, so every component can be swapped by configuration.
 *
 * <h2>States</h2>
 * <ul>
 *   <li>SCOUTING (tier BARS): at each 1-minute close, is a POI's <em>volatility halo</em> (boundary
 *       &plusmn; k &times; ATR(1m), plus an optional fixed floor) reached by the bar? Then STALKING. A tape-speed spike
 *       (speed &ge; {@code speedSpikeRatio} &times; baseline) enters STALKING regardless of distance.</li>
 *   <li>STALKING (tier TAPE): the tape is watched. A print inside the POI is the tap. On an extreme tape at the
 *       tap the engine goes to KILL at once (marketable route); else a 1-minute CHOCH in the POI's direction,
 *       confirmed after the tap, goes to KILL (passive route).</li>
 *   <li>KILL: passive route: at the CHOCH close, a limit at the newest 1-minute FVG (else order block) left since
 *       the tap. Marketable route: as soon as the ring buffer holds absorption inside the POI and a delta flip
 *       in the POI's direction (and, when the profile is strict, price beyond the last 1-minute swing: the CHOCH
 *       has started), a limit capped {@code marketableCapTicks} beyond the last price, IOC. Both carry the
 *       bracket.</li>
 *   <li>Back to SCOUTING when the POI is invalidated (a 1-minute close beyond its far edge, or it left the
 *       map before the tap), when price stays outside the halo for {@code haloExit}, when the kill zone the
 *       stalk began in ends, and after every decision (the POI is then spent).</li>
 * </ul>
 * Every setup that reaches a decision is graded by all graders (points summed) and journaled, taken or not,
 * with the reason; entries happen only inside the profile's kill zones. Besides the SPI's fields, a setup's
 * {@code extra} carries {@code poiId}, {@code route} ({@code passive}/{@code marketable}), {@code flow.deltaFlip},
 * {@code flow.largePrint} (its price or false), {@code flow.pocShift} and {@code <factor>.evidence} texts, so a
 * third-party grader can score what the SPI's booleans do not name. Every transition is journaled with
 * its reason, and so is every data-tier request (the cost valve). Ids are counters: deterministic.
 *
 * <p>Feeding order per event (the host's pipeline does this): flow signals and closed bars (with their
 * structure events) that an event produced are delivered before the event itself ({@link #onTrade}); the
 * timer calls {@link #onTime}. Called from the kernel thread only.
 */
public final class PredatorEngine {
    private static final long MINUTE = 60_000_000_000L;

    private final Instrument instrument;
    private final ExchangeCalendar calendar;
    private final PredatorSettings settings;
    private final StructureAnalyzer.Engine structure;
    private final FlowAnalyzer.Engine flow;
    private final List<ConfluenceGrader> graders;
    private final PositionSizer sizer;
    private final StopPolicy stopPolicy;
    private final EntryDesk desk;
    private final RiskBudget budget;
    private final Journal journal;
    private final Atr atr;

    private EngineState state = EngineState.SCOUTING;
    private DataTier tier;
    private MarketMap map;
    private long now = Long.MIN_VALUE;
    private long lastPrice = Fixed.UNDEF;
    private PointOfInterest poi;
    private int dir;
    private long stalkSince;
    private long tapTime;
    private long outsideSince = -1;
    private Interval zoneAtStalk;
    private String zoneLabelAtStalk;
    private boolean extremeRoute;
    private StructureEvent pendingChoch;
    private long lastSwingHigh = Fixed.UNDEF;
    private long lastSwingLow = Fixed.UNDEF;
    private long entrySentAt = -1;
    private long setupSeq;
    private final ArrayDeque<FlowSignal> signals = new ArrayDeque<>();
    private final ArrayDeque<StructureEvent> m1Zones = new ArrayDeque<>();
    private final ArrayDeque<Sweep> sweeps = new ArrayDeque<>();
    private final Set<String> spentPois = new TreeSet<>();
    /** The last BIAS structure event and the closed-bar count of the daily and 4H charts (the rubric's bias). */
    private StructureEvent biasD1;
    private StructureEvent biasH4;
    private long barsD1;
    private long barsH4;

    private record Sweep(String kind, int side, long price, long ts) {
    }

    public PredatorEngine(Instrument instrument, ExchangeCalendar calendar, PredatorSettings settings,
                          StructureAnalyzer.Engine structure, FlowAnalyzer.Engine flow, List<ConfluenceGrader> graders,
                          PositionSizer sizer, StopPolicy stopPolicy, EntryDesk desk, RiskBudget budget, Journal journal) {
        this.instrument = instrument;
        this.calendar = calendar;
        this.settings = settings;
        this.structure = structure;
        this.flow = flow;
        this.graders = List.copyOf(graders);
        this.sizer = sizer;
        this.stopPolicy = stopPolicy;
        this.desk = desk;
        this.budget = budget;
        this.journal = journal;
        this.atr = new Atr(settings.atrPeriod());
        for (KillZone z : settings.killZones()) {
            calendar.sessionRule(z.session()).orElseThrow(() -> new IllegalArgumentException("kill zone '" + z.label()
                    + "' of " + instrument.symbol() + ": calendar " + calendar.id() + " has no session '" + z.session()
                    + "' (has " + calendar.sessionRules().stream().map(r -> r.name()).toList() + ")"));
        }
    }

    public EngineState state() {
        return state;
    }

    /** The data tier the engine asks for now (null before the first event). */
    public DataTier tier() {
        return tier;
    }

    /** ATR(1m), fixed-point. */
    public long atr1m() {
        return atr.value();
    }

    /** The POI being stalked, or null. */
    public PointOfInterest poi() {
        return poi;
    }

    /** The structure map as of the last closed bar (cached until the next bar closes). */
    public MarketMap map() {
        if (map == null) {
            map = structure.map();
        }
        return map;
    }

    // ------------------------------------------------------------------ inputs

    /** An order-flow signal the flow engine emitted. */
    public void onSignal(FlowSignal s) {
        advance(s.tsEvent());
        signals.addLast(s);
        trimSignals();
        if ("TAPE_SPEED_SPIKE".equals(s.type()) && state == EngineState.SCOUTING && !desk.busy(instrument.symbol())
                && dataOn(now)) {
            double ratio = s.values().getOrDefault("ratio", Double.NaN);
            if (!(ratio < settings.speedSpikeRatio())) {
                PointOfInterest near = nearestPoi(lastPrice);
                stalk(near, "tape speed spike " + fmt(ratio) + "x baseline"
                        + (near == null ? " (no POI yet)" : ", nearest POI " + near.id()));
            }
        }
        if (state == EngineState.KILL && extremeRoute) {
            tryMarketableEntry();
        }
        updateTier("");
    }

    /** A structure fact the structure engine emitted for a closed bar. */
    public void onStructure(StructureEvent e) {
        advance(e.knownTime());
        String type = e.type().startsWith("INTERNAL_") ? e.type().substring("INTERNAL_".length()) : e.type();
        if (e.timeframe() == Timeframe.M1) {
            switch (type) {
                case "SWING_HIGH", "SWING_HIGH_REPLACED" -> lastSwingHigh = e.top();
                case "SWING_LOW", "SWING_LOW_REPLACED" -> lastSwingLow = e.bottom();
                case "FVG_CREATED", "OB_CREATED" -> {
                    m1Zones.addLast(e);
                    while (m1Zones.size() > 200) {
                        m1Zones.removeFirst();
                    }
                }
                case "CHOCH" -> {
                    if (state != EngineState.SCOUTING && poi != null && e.direction() == dir && tapTime > 0
                            && e.knownTime() >= tapTime) {
                        pendingChoch = e;
                    }
                }
                default -> {
                }
            }
        }
        if ("BIAS".equals(type)) {
            if (e.timeframe() == Timeframe.D1) {
                biasD1 = e;
            } else if (e.timeframe() == Timeframe.H4) {
                biasH4 = e;
            }
        }
        if ("POOL_SWEPT".equals(type)) {
            String kind = e.subject().substring(e.subject().lastIndexOf(':') + 1);
            int side = isLow(kind) ? -1 : isHigh(kind) ? 1 : 0;
            sweeps.addLast(new Sweep(kind, side, e.top(), e.knownTime()));
            while (sweeps.size() > 200) {
                sweeps.removeFirst();
            }
        }
    }

    /** A closed bar (after the structure engine consumed it). */
    public void onBarClosed(Bar b) {
        advance(b.tsEvent());
        map = null;
        barsD1 += b.timeframe() == Timeframe.D1 ? 1 : 0;
        barsH4 += b.timeframe() == Timeframe.H4 ? 1 : 0;
        if (b.timeframe() != Timeframe.M1) {
            return;
        }
        atr.onBar(b);
        switch (state) {
            case SCOUTING -> {
                if (!desk.busy(instrument.symbol()) && dataOn(now)) {
                    PointOfInterest p = haloCandidate(b.low(), b.high(), b.close());
                    if (p != null) {
                        stalk(p, "1m bar " + Fixed.format(b.low()) + "-" + Fixed.format(b.high()) + " entered the halo of "
                                + describe(p) + " (halo +-" + Fixed.format(haloDistance()) + " = " + settings.haloAtrMultiple()
                                + " x ATR " + Fixed.format(atr.value()) + (settings.haloMinTicks() > 0 ? " + " + settings.haloMinTicks() + " ticks" : "") + ")");
                    }
                }
            }
            case STALKING, KILL -> {
                if (poi == null) {
                    PointOfInterest p = haloCandidate(b.low(), b.high(), b.close());
                    if (p != null) {
                        adopt(p);
                    }
                } else if (dir > 0 ? b.close() < poi.bottom() : b.close() > poi.top()) {
                    scout("POI " + poi.id() + " invalidated: 1m close " + Fixed.format(b.close()) + " beyond its far edge");
                } else if (tapTime == 0 && !inMap(poi.id())) {
                    scout("POI " + poi.id() + " left the map before it was tapped");
                } else if (tapTime == 0) {
                    if (b.low() <= poi.top() && b.high() >= poi.bottom()) {
                        // bars without a tape: the bar that traded into the POI is the tap, known at its close
                        tapTime = b.tsEvent();
                    }
                } else if (pendingChoch != null) {
                    if (state == EngineState.STALKING) {
                        kill("POI tapped at " + Instant.ofEpochSecond(0, tapTime) + " and 1m CHOCH closed at "
                                + Fixed.format(b.close()), false);
                    }
                    passiveEntry();
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
        updateTier("");
    }

    /**
     * The price of a print before the flow engine sees it, so signals completed by this print are acted on at
     * this print's price (a marketable cap from a stale price would be skipped by a fast tape).
     */
    public void onPrice(Trade t) {
        advance(t.tsEvent());
        lastPrice = t.price();
    }

    /** A print, after the flow engine and the bar aggregator saw it. */
    public void onTrade(Trade t) {
        advance(t.tsEvent());
        lastPrice = t.price();
        if (state == EngineState.SCOUTING || poi == null) {
            return;
        }
        if (tapTime == 0 && poi.contains(t.price())) {
            tapTime = now;
            FlowSnapshot snap = flow.snapshot();
            double ratio = snap.speedRatio();
            boolean spike = recent("TAPE_SPEED_SPIKE") != null;
            if (state == EngineState.STALKING && (ratio >= settings.extremeSpeedRatio() || spike)) {
                kill("POI " + poi.id() + " tapped at " + Fixed.format(t.price()) + " on an extreme tape ("
                        + (spike ? "speed spike" : fmt(ratio) + "x baseline") + "): marketable route", true);
            }
        }
        trackHalo(t.price());
        if (state == EngineState.KILL && extremeRoute) {
            tryMarketableEntry();
        }
    }

    /** Time passed (the host's timer, at least every second of event time). */
    public void onTime(long ts) {
        advance(ts);
        budget.observe(now);
        if (state != EngineState.SCOUTING) {
            if (zoneAtStalk != null && now >= zoneAtStalk.endNs()) {
                scout("kill zone " + zoneLabelAtStalk + " ended");
            } else if (poi == null && now - stalkSince >= settings.haloExitNanos()) {
                scout("tape spike faded: no POI halo reached within " + settings.haloExitNanos() / MINUTE + " min");
            } else if (outsideSince >= 0 && now - outsideSince >= settings.haloExitNanos()) {
                scout("price outside the halo of " + poi.id() + " for " + settings.haloExitNanos() / MINUTE + " min");
            }
        }
        if (entrySentAt >= 0 && now - entrySentAt >= settings.entryTimeoutNanos()) {
            entrySentAt = -1;
            desk.cancelUnfilledEntry(instrument.symbol(), "entry limit unfilled after "
                    + settings.entryTimeoutNanos() / MINUTE + " min", now);
        }
        updateTier("");
    }

    // ------------------------------------------------------------------ transitions

    private void stalk(PointOfInterest p, String reason) {
        transition(EngineState.STALKING, reason);
        stalkSince = now;
        tapTime = 0;
        outsideSince = -1;
        pendingChoch = null;
        extremeRoute = false;
        poi = null;
        if (p != null) {
            adopt(p);
        }
        Optional<KillZone> z = killZoneAt(now);
        zoneAtStalk = z.flatMap(k -> k.at(calendar, now)).orElse(null);
        zoneLabelAtStalk = z.map(KillZone::label).orElse(null);
        updateTier(reason);
    }

    private void adopt(PointOfInterest p) {
        poi = p;
        dir = p.direction() >= 0 ? 1 : -1;
    }

    private void kill(String reason, boolean extreme) {
        transition(EngineState.KILL, reason);
        extremeRoute = extreme;
        updateTier(reason);
    }

    private void scout(String reason) {
        transition(EngineState.SCOUTING, reason);
        poi = null;
        tapTime = 0;
        pendingChoch = null;
        extremeRoute = false;
        outsideSince = -1;
        zoneAtStalk = null;
        zoneLabelAtStalk = null;
        updateTier(reason);
    }

    private void transition(EngineState to, String reason) {
        journal.transition(new Journal.Transition(instrument.symbol(), now, state.name(), to.name(), reason));
        state = to;
    }

    private void updateTier(String reason) {
        DataTier want;
        String why;
        if (desk.busy(instrument.symbol())) {
            want = DataTier.TAPE;
            why = "position or working entry";
        } else if (!dataOn(now)) {
            want = DataTier.OFF;
            why = "outside the data window";
        } else if (state == EngineState.SCOUTING) {
            want = DataTier.BARS;
            why = "scouting";
        } else {
            want = DataTier.TAPE;
            why = state.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (want != tier) {
            tier = want;
            journal.tier(new Journal.TierChange(instrument.symbol(), now, want.name(), reason.isEmpty() ? why : why + ": " + reason));
        }
    }

    // ------------------------------------------------------------------ entries

    private void passiveEntry() {
        // the newest 1m FVG of the POI's direction left since the tap, else the newest 1m order block
        StructureEvent fvg = null;
        StructureEvent ob = null;
        for (Iterator<StructureEvent> it = m1Zones.descendingIterator(); it.hasNext(); ) {
            StructureEvent z = it.next();
            if (z.knownTime() < tapTime) {
                break;
            }
            if (z.direction() != dir) {
                continue;
            }
            if (z.type().contains("FVG") && fvg == null) {
                fvg = z;
            } else if (z.type().contains("OB") && ob == null) {
                ob = z;
            }
        }
        StructureEvent zone = fvg != null ? fvg : ob;
        if (zone == null) {
            decide("passive", Fixed.UNDEF, TimeInForce.GTC, "no 1m FVG or order block left since the tap to rest a limit at");
            return;
        }
        long tick = instrument.tickSize();
        long px = dir > 0 ? Math.floorDiv(zone.top(), tick) * tick : Math.floorDiv(zone.bottom() + tick - 1, tick) * tick;
        decide("passive", px, TimeInForce.GTC, null);
    }

    private void tryMarketableEntry() {
        if (lastPrice == Fixed.UNDEF) {
            return;
        }
        Side want = dir > 0 ? Side.BUY : Side.SELL;
        long since = now - settings.flowWindowNanos();
        FlowSignal absorption = null;
        FlowSignal flip = null;
        for (FlowSignal s : signals) {
            if (s.tsEvent() < since || s.side() != want) {
                continue;
            }
            if ("ABSORPTION".equals(s.type()) && s.price() >= poi.bottom() - instrument.tickSize()
                    && s.price() <= poi.top() + instrument.tickSize()) {
                absorption = s;
            } else if ("DELTA_FLIP".equals(s.type())) {
                flip = s;
            }
        }
        if (absorption == null || flip == null) {
            return;
        }
        if (settings.strictChoch()) {
            long level = dir > 0 ? lastSwingHigh : lastSwingLow;
            if (level == Fixed.UNDEF || (dir > 0 ? lastPrice <= level : lastPrice >= level)) {
                return;
            }
        }
        long px = lastPrice + dir * settings.marketableCapTicks() * instrument.tickSize();
        decide("marketable", px, TimeInForce.IOC, null);
    }

    /** Builds, grades and (if everything allows) sends the setup; journals it either way; back to SCOUTING. */
    private void decide(String route, long entryPrice, TimeInForce tif, String blocked) {
        String id = instrument.symbol() + "-S" + (++setupSeq);
        Side side = dir > 0 ? Side.BUY : Side.SELL;
        MarketMap m = map();
        HtfBias.Decision htf = HtfBias.decide(m.bias(Timeframe.D1), biasD1, barsD1, m.bias(Timeframe.H4), biasH4, barsH4);
        Bias bias = htf.bias();
        Sweep sweep = sweepBefore();
        long flowSince = (tapTime > 0 ? tapTime : now) - settings.flowWindowNanos();
        FlowSignal cvd = since("CVD_DIVERGENCE", side, flowSince);
        FlowSignal stacked = since("STACKED_IMBALANCE", side, flowSince);
        FlowSignal absorption = since("ABSORPTION", side, flowSince);
        StructureEvent fvg = null;
        for (StructureEvent z : m1Zones) {
            if (z.knownTime() >= tapTime && z.direction() == dir && z.type().contains("FVG")) {
                fvg = z;
            }
        }
        boolean displacement = pendingChoch != null && fvg != null;
        Optional<KillZone> zone = killZoneAt(now);
        String killZone = zone.map(KillZone::label).orElse(null);
        Map<String, String> extra = new TreeMap<>();
        extra.put("poiId", poi.id());
        extra.put("route", route);
        // The map's bias on every timeframe, for graders that weigh more than the daily/4H rubric factor
        // (e.g. a third-party weekly-bias grader reads "weeklyBias").
        MarketMap known = map();
        if (known != null) {
            for (Timeframe tf : Timeframe.values()) {
                extra.put("bias." + tf.label(), known.bias(tf).name());
            }
            extra.put("weeklyBias", known.bias(Timeframe.W1).name());
        }
        extra.put("htf-bias.evidence", htf.evidence());
        if (sweep != null) {
            extra.put("liquidity-sweep.evidence", sweep.kind + " " + Fixed.format(sweep.price) + " swept at " + Instant.ofEpochSecond(0, sweep.ts));
        }
        if (pendingChoch != null) {
            extra.put("choch-displacement.evidence", "1m CHOCH at " + Fixed.format(pendingChoch.top()) + " known "
                    + Instant.ofEpochSecond(0, pendingChoch.knownTime()) + (fvg != null ? ", 1m FVG " + Fixed.format(fvg.bottom())
                    + "-" + Fixed.format(fvg.top()) : ", no 1m FVG"));
        }
        FlowSignal largePrint = since("LARGE_PRINT", side, flowSince);
        FlowSignal pocShift = since("POC_SHIFT", side, flowSince);
        FlowSignal flip = since("DELTA_FLIP", side, flowSince);
        extra.put("flow.deltaFlip", String.valueOf(flip != null));
        extra.put("flow.largePrint", largePrint == null ? "false" : Fixed.format(largePrint.price()));
        extra.put("flow.pocShift", String.valueOf(pocShift != null));
        extra.put("order-flow.evidence", (cvd != null ? "CVD divergence" : "no CVD divergence") + ", "
                + (stacked != null ? "stacked imbalances" : "no stacked imbalances") + ", "
                + (absorption != null ? "absorption at " + Fixed.format(absorption.price()) : "no absorption"));
        long stopGuess = dir > 0 ? poi.bottom() : poi.top();
        long entryForSetup = entryPrice == Fixed.UNDEF ? lastPrice : entryPrice;
        Setup setup = new Setup(id, instrument.symbol(), side, now, bias, sweep == null ? null : sweep.kind, poi.touches(),
                displacement, cvd != null, stacked != null, absorption != null, killZone, entryForSetup, stopGuess, extra);
        List<Factor> factors = new ArrayList<>();
        int maxPoints = 0;
        for (ConfluenceGrader g : graders) {
            GradeResult r = g.grade(setup);
            factors.addAll(r.factors());
            maxPoints += r.maxPoints();
        }
        int points = factors.stream().mapToInt(Factor::points).sum();
        String grade = settings.grade(points);
        String reason = blocked;
        if (reason == null && "C".equals(grade)) {
            reason = "grade C: " + points + " points, below " + settings.gradeB();
        }
        if (reason == null && killZone == null) {
            reason = "outside kill zones " + settings.killZones().stream().map(KillZone::label).toList();
        }
        if (reason == null) {
            reason = desk.entryBlocked(instrument.symbol());
        }
        ProtectionPlan plan = null;
        long qty = 0;
        String sizeReason = "";
        if (reason == null) {
            try {
                plan = stopPolicy.protect(setup, instrument, m, flow, atr.value());
            } catch (RuntimeException e) {
                reason = "stop policy failed: " + e.getMessage();
            }
        }
        if (reason == null) {
            reason = checkPlan(plan, entryPrice);
        }
        if (reason == null) {
            long gap = settings.gapAllowance(atr.value(), entryPrice);
            PositionSizer.Decision d = sizer.size(new PositionSizer.Request(instrument, entryPrice, plan.stopPrice(),
                    settings.riskFraction(), settings.gradeWeight(points), budget.equity(), gap,
                    budget.lossBudgetLeft(now), budget.maxQuantity(instrument.symbol())));
            qty = Math.floorDiv(d.quantity(), instrument.lotSize()) * instrument.lotSize();
            sizeReason = d.reason();
            if (qty <= 0) {
                reason = "size 0: " + d.reason();
            }
        }
        boolean taken = false;
        if (reason == null) {
            Side exit = side.opposite();
            Order entry = new Order(id + "-E", instrument.symbol(), side, OrderType.LIMIT, qty, entryPrice, 0, tif, false);
            Order stop = new Order(id + "-SL", instrument.symbol(), exit, OrderType.STOP, qty, 0, plan.stopPrice(),
                    TimeInForce.GTC, true);
            Order target = plan.targetPrice() > 0 ? new Order(id + "-TP", instrument.symbol(), exit, OrderType.LIMIT, qty,
                    plan.targetPrice(), 0, TimeInForce.GTC, true) : null;
            EntryDesk.EntryTicket ticket = new EntryDesk.EntryTicket(id, instrument.symbol(), side, grade, factors, killZone,
                    route, new BracketOrder(id, entry, stop, target), plan.reason());
            reason = desk.submitEntry(ticket, now);
            taken = reason == null;
            if (taken) {
                reason = route + " " + Fixed.format(qty) + " @ " + Fixed.format(entryPrice) + ", stop " + Fixed.format(plan.stopPrice())
                        + (target != null ? ", target " + Fixed.format(plan.targetPrice()) : "") + " (" + plan.reason() + "; size: "
                        + sizeReason + ")";
                if ("passive".equals(route)) {
                    entrySentAt = now;
                }
            }
        }
        journal.setup(new Journal.GradedSetup(id, instrument.symbol(), now, side, points, maxPoints, grade, factors, killZone,
                taken, reason));
        spentPois.add(poi.id());
        scout("setup " + id + " " + grade + (taken ? " sent" : " not taken: " + reason));
    }

    private String checkPlan(ProtectionPlan plan, long entryPrice) {
        if (plan == null) {
            return "stop policy gave no plan";
        }
        if (dir > 0 ? plan.stopPrice() >= entryPrice : plan.stopPrice() <= entryPrice) {
            return "stop " + Fixed.format(plan.stopPrice()) + " is not beyond the entry " + Fixed.format(entryPrice) + " (" + plan.reason() + ")";
        }
        if (plan.stopPrice() <= 0) {
            return "stop policy gave no stop price";
        }
        if (plan.targetPrice() > 0 && (dir > 0 ? plan.targetPrice() <= entryPrice : plan.targetPrice() >= entryPrice)) {
            return "target " + Fixed.format(plan.targetPrice()) + " is on the wrong side of the entry " + Fixed.format(entryPrice);
        }
        return null;
    }

    // ------------------------------------------------------------------ helpers

    private void advance(long ts) {
        now = Math.max(now, ts);
    }

    private long haloDistance() {
        return Math.round(settings.haloAtrMultiple() * atr.value()) + settings.haloMinTicks() * instrument.tickSize();
    }

    /** The first POI (in the map's ranking) whose halo the bar reached without closing through it. */
    private PointOfInterest haloCandidate(long low, long high, long close) {
        long halo = haloDistance();
        for (PointOfInterest p : map().pois()) {
            if (spentPois.contains(p.id()) || !live(p)) {
                continue;
            }
            boolean reached = p.direction() >= 0 ? low <= p.top() + halo && close >= p.bottom()
                    : high >= p.bottom() - halo && close <= p.top();
            if (reached) {
                return p;
            }
        }
        return null;
    }

    private PointOfInterest nearestPoi(long price) {
        if (price == Fixed.UNDEF) {
            return null;
        }
        PointOfInterest best = null;
        long bestDist = Long.MAX_VALUE;
        for (PointOfInterest p : map().pois()) {
            if (spentPois.contains(p.id()) || !live(p)) {
                continue;
            }
            long d = p.contains(price) ? 0 : Math.min(Math.abs(price - p.top()), Math.abs(price - p.bottom()));
            if (d < bestDist) {
                best = p;
                bestDist = d;
            }
        }
        return best;
    }

    private static boolean live(PointOfInterest p) {
        String s = p.state() == null ? "" : p.state();
        return !(s.contains("MITIGATED") || s.contains("INVALID") || s.contains("FILLED") || s.contains("EXPIRED"));
    }

    private boolean inMap(String id) {
        for (PointOfInterest p : map().pois()) {
            if (p.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private void trackHalo(long price) {
        long halo = haloDistance();
        boolean inside = price >= poi.bottom() - halo && price <= poi.top() + halo;
        if (inside) {
            outsideSince = -1;
        } else if (outsideSince < 0) {
            outsideSince = now;
        } else if (now - outsideSince >= settings.haloExitNanos()) {
            scout("price outside the halo of " + poi.id() + " for " + settings.haloExitNanos() / MINUTE + " min");
        }
    }

    private Sweep sweepBefore() {
        long from = (tapTime > 0 ? tapTime : now) - settings.sweepLookbackNanos();
        Sweep best = null;
        for (Sweep s : sweeps) {
            if (s.ts >= from && s.ts <= now && s.side == -dir && settings.majorPools().contains(s.kind)) {
                best = s;
            }
        }
        return best;
    }

    private FlowSignal since(String type, Side side, long from) {
        FlowSignal found = null;
        for (FlowSignal s : signals) {
            if (s.tsEvent() >= from && s.side() == side && type.equals(s.type())) {
                found = s;
            }
        }
        return found;
    }

    private FlowSignal recent(String type) {
        long from = now - settings.flowWindowNanos();
        FlowSignal found = null;
        for (FlowSignal s : signals) {
            if (s.tsEvent() >= from && type.equals(s.type())) {
                found = s;
            }
        }
        return found;
    }

    private void trimSignals() {
        long keepFrom = now - settings.flowWindowNanos();
        if (state != EngineState.SCOUTING) {
            keepFrom = Math.min(keepFrom, (tapTime > 0 ? tapTime : stalkSince) - settings.flowWindowNanos());
        }
        while (!signals.isEmpty() && signals.peekFirst().tsEvent() < keepFrom) {
            signals.removeFirst();
        }
    }

    /** The first configured kill zone in force at {@code ts}. */
    public Optional<KillZone> killZoneAt(long ts) {
        for (KillZone z : settings.killZones()) {
            if (z.at(calendar, ts).isPresent()) {
                return Optional.of(z);
            }
        }
        return Optional.empty();
    }

    private boolean dataOn(long ts) {
        if (!calendar.isOpen(ts)) {
            return false;
        }
        if (settings.dataStart() == null) {
            return true;
        }
        LocalTime t = Instant.ofEpochSecond(0, ts).atZone(calendar.zone()).toLocalTime();
        return !t.isBefore(settings.dataStart()) && t.isBefore(settings.dataEnd());
    }

    private static boolean isLow(String kind) {
        return kind.contains("LOW") || kind.matches("P[DWM]L|EQL|IBL");
    }

    private static boolean isHigh(String kind) {
        return kind.contains("HIGH") || kind.matches("P[DWM]H|EQH|IBH");
    }

    private static String describe(PointOfInterest p) {
        return p.timeframe().label() + " " + p.kind() + " " + p.id() + " " + Fixed.format(p.bottom()) + "-" + Fixed.format(p.top());
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "NaN" : String.format(java.util.Locale.ROOT, "%.1f", d);
    }
}
