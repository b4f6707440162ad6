package dev.flof.risk.grading;

import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.market.Side;
import dev.flof.spi.risk.Factor;
import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.Setup;
import dev.flof.spi.structure.Bias;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * The default 10-point confluence rubric of issue 8. Every factor is always reported, with 0 points and the
 * reason when it did not score, so a journal shows why a setup was or was not traded:
 * <ul>
 *   <li>{@value #BIAS} +2: direction agrees with the daily/4H bias the engine put on the setup (the host's engine:
 *       the daily bias when the daily chart has one, else the 4H bias; a conflicting daily/4H pair is RANGING, so
 *       it scores 0 like no bias at all);</li>
 *   <li>{@value #SWEEP} +2: a major liquidity pool was swept just before the POI tap (the engine decides which
 *       pool kinds are major for the market profile and only then fills {@link Setup#sweptPool()});</li>
 *   <li>{@value #FRESH_POI} +1: the POI was untested (0 prior touches);</li>
 *   <li>{@value #CHOCH} +2: clean 1-minute CHOCH with displacement;</li>
 *   <li>{@value #ORDER_FLOW} +2: order-flow confirmation, CVD divergence <b>plus</b> stacked imbalances. The issue
 *       asks for both; half a confirmation scores <b>0</b> (not 1), so a setup that is otherwise perfect but
 *       has only one of the two grades 8 = B (half risk) and never reaches A+ on it;</li>
 *   <li>{@value #KILL_ZONE} +1: the setup formed inside a configured kill zone.</li>
 * </ul>
 * An evidence string the engine stored in {@link Setup#extra()} under {@code <factor id>.evidence} is appended to
 * that factor's reason. Deterministic and total: null or missing facts score 0 with the reason "unknown".
 */
@Extension
public final class DefaultRubricGrader implements ConfluenceGrader {
    public static final String ID = "default-rubric";
    public static final String BIAS = "htf-bias";
    public static final String SWEEP = "liquidity-sweep";
    public static final String FRESH_POI = "fresh-poi";
    public static final String CHOCH = "choch-displacement";
    public static final String ORDER_FLOW = "order-flow";
    public static final String KILL_ZONE = "kill-zone";
    public static final int MAX_POINTS = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "10-point rubric: bias 2, sweep 2, fresh POI 1, CHOCH+displacement 2, CVD divergence+stacked imbalances 2, kill zone 1";
    }

    @Override
    public GradeResult grade(Setup setup) {
        List<Factor> factors = new ArrayList<>(6);
        factors.add(bias(setup));
        factors.add(sweep(setup));
        factors.add(freshPoi(setup));
        factors.add(choch(setup));
        factors.add(orderFlow(setup));
        factors.add(killZone(setup));
        return new GradeResult(factors, MAX_POINTS);
    }

    private static Factor bias(Setup s) {
        Side dir = s.direction();
        Bias bias = s.htfBias();
        if (dir != Side.BUY && dir != Side.SELL) {
            return factor(s, BIAS, 0, "trade direction unknown (" + dir + ")");
        }
        if (bias == null) {
            return factor(s, BIAS, 0, "daily/4H bias unknown");
        }
        if (bias == Bias.RANGING) {
            return factor(s, BIAS, 0, "daily/4H bias is ranging, no direction to align with");
        }
        boolean aligned = (dir == Side.BUY && bias == Bias.BULLISH) || (dir == Side.SELL && bias == Bias.BEARISH);
        return aligned
                ? factor(s, BIAS, 2, dir + " aligned with the " + bias + " daily/4H bias")
                : factor(s, BIAS, 0, dir + " against the " + bias + " daily/4H bias");
    }

    private static Factor sweep(Setup s) {
        String pool = s.sweptPool();
        return pool == null || pool.isBlank()
                ? factor(s, SWEEP, 0, "no major liquidity pool swept before the POI tap")
                : factor(s, SWEEP, 2, "major pool " + pool.strip() + " swept just before the POI tap");
    }

    private static Factor freshPoi(Setup s) {
        int t = s.poiTouches();
        if (t == 0) {
            return factor(s, FRESH_POI, 1, "POI untested (0 prior touches)");
        }
        return factor(s, FRESH_POI, 0, t < 0 ? "POI touch count unknown (" + t + ")"
                : "POI already tested " + t + (t == 1 ? " time" : " times"));
    }

    private static Factor choch(Setup s) {
        return s.chochDisplacement()
                ? factor(s, CHOCH, 2, "clean 1m CHOCH with displacement (large bodies leaving a 1m FVG)")
                : factor(s, CHOCH, 0, "no 1m CHOCH with displacement");
    }

    private static Factor orderFlow(Setup s) {
        boolean cvd = s.cvdDivergence();
        boolean stacked = s.stackedImbalance();
        if (cvd && stacked) {
            return factor(s, ORDER_FLOW, 2, "CVD divergence and stacked imbalances both confirm");
        }
        if (cvd || stacked) {
            return factor(s, ORDER_FLOW, 0, "partial confirmation scores 0: "
                    + (cvd ? "CVD divergence present, stacked imbalances missing"
                           : "stacked imbalances present, CVD divergence missing"));
        }
        return factor(s, ORDER_FLOW, 0, "no CVD divergence and no stacked imbalances");
    }

    private static Factor killZone(Setup s) {
        String kz = s.killZone();
        return kz == null || kz.isBlank()
                ? factor(s, KILL_ZONE, 0, "outside every kill zone")
                : factor(s, KILL_ZONE, 1, "inside kill zone " + kz.strip());
    }

    private static Factor factor(Setup s, String id, int points, String reason) {
        String evidence = s.extra() == null ? null : s.extra().get(id + ".evidence");
        return new Factor(id, points, evidence == null || evidence.isBlank() ? reason : reason + "; " + evidence.strip());
    }
}
