package dev.flof.host.protect;

import dev.flof.host.FlofException;
import dev.flof.host.config.FlofConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * The protections against sudden moves that run in the real trading path, resolved once from the {@code protect}
 * section of the configuration (defaults in {@code flof-defaults.yaml}). The shock lab builds the same record for
 * its scenarios, so the lab and the engine run the same classes with the same parameters.
 *
 * @param stopEscalationGraceNanos how long a triggered protective stop-limit may rest unfilled before the
 *                                 reduce-only market exit goes; negative: escalation off
 * @param session                  the ES session policy (entries before the break and the weekend; weekend flat);
 *                                 null: off
 * @param blackout                 the news calendar; null: off
 * @param liquidation              the crypto liquidation-distance and leverage guard; null: off
 */
public record ProtectionSettings(long stopEscalationGraceNanos, EsSessionPolicy session, NewsBlackout blackout,
                                 LiquidationGuard liquidation) {
    /** The configured protections; the news calendar is read relative to {@code workingDir}. */
    public static ProtectionSettings from(FlofConfig.Protect p, Path workingDir) {
        NewsBlackout news = NewsBlackout.none();
        if (!p.newsCalendar().isBlank()) {
            Path file = workingDir.resolve(p.newsCalendar());
            try {
                news = NewsBlackout.load(file);
            } catch (IOException e) {
                throw new FlofException("protect.newsCalendar: cannot read " + file + ": " + e.getMessage(), e);
            } catch (NewsBlackout.CalendarException e) {
                throw new FlofException("protect.newsCalendar: " + e.getMessage(), e);
            }
        }
        return new ProtectionSettings(p.stopEscalationMillis() < 0 ? -1 : p.stopEscalationMillis() * 1_000_000L,
                new EsSessionPolicy(p.esNoEntryMinutes(), p.esFlatBeforeWeekend(), p.esFlattenMinutesBeforeWeekend()), news,
                new LiquidationGuard(p.cryptoMaxLeverage(), new BigDecimal(p.cryptoMaintenanceMarginRate().strip()),
                        new BigDecimal(p.cryptoLiquidationBuffer().strip())));
    }

    /** Everything off (tests that look at something else). */
    public static ProtectionSettings none() {
        return new ProtectionSettings(-1, null, null, null);
    }

    /** Whether triggered-but-unfilled and rejected protective stops are escalated. */
    public boolean escalationOn() {
        return stopEscalationGraceNanos >= 0;
    }

    public ProtectionSettings withSession(EsSessionPolicy policy) {
        return new ProtectionSettings(stopEscalationGraceNanos, policy, blackout, liquidation);
    }

    public ProtectionSettings withBlackout(NewsBlackout calendar) {
        return new ProtectionSettings(stopEscalationGraceNanos, session, calendar, liquidation);
    }

    public ProtectionSettings withEscalation(long graceNanos) {
        return new ProtectionSettings(graceNanos, session, blackout, liquidation);
    }

    public ProtectionSettings withLiquidation(LiquidationGuard guard) {
        return new ProtectionSettings(stopEscalationGraceNanos, session, blackout, guard);
    }
}
