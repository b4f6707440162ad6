package dev.flof.host.shocklab;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one scenario cost and what protected it. Money and prices are fixed-point (1e-9) in the account
 * currency; {@code lossR} is the gross price loss (fees apart) divided by the planned 1R, rounded to 2 places.
 *
 * @param loss              gross loss in currency (negative for a gain), fixed-point
 * @param plannedRisk       1R in currency, fixed-point
 * @param maxExposure       the largest absolute venue position seen, fixed-point quantity
 * @param protections       which protections acted, each with a count, sorted
 * @param invariants        the invariants checked, each with how many checks
 * @param violations        broken invariants (empty when all held)
 * @param prints            the venue's prints (time, price), for the chart
 * @param fills             every fill at the venue with the role of its order
 * @param gapBeyondStop     the worst exit fill beyond the planned stop (price distance, 0 when none): what the
 *                          gap allowance of the sizing must cover
 * @param gapAllowance      the configured gap allowance beyond the stop (price distance)
 * @param unprotectedNanos  time with an open position and nothing resting or working to close it, while FLOF was
 *                          connected to the venue
 */
public record ScenarioResult(String name, int family, String title, String symbol, String currency, Verdict verdict,
                             String explanation, BigDecimal lossR, long loss, long fees, long plannedRisk, long maxExposure,
                             List<String> protections, List<String> invariants, List<String> violations,
                             long unprotectedNanos, String endState, List<Rig.Mark> timeline, Script.Plan plan,
                             List<Rig.Print> prints, List<Rig.Fill> fills, long gapBeyondStop, long gapAllowance) {
    public ScenarioResult {
        prints = List.copyOf(prints);
        fills = List.copyOf(fills);
        protections = List.copyOf(protections);
        invariants = List.copyOf(invariants);
        violations = List.copyOf(violations);
        timeline = List.copyOf(timeline);
    }
}
