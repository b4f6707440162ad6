package dev.flof.host.engine;

import dev.flof.spi.structure.Bias;
import dev.flof.spi.structure.StructureEvent;
import java.time.Instant;

/**
 * The daily/4H bias a setup is graded against (issue 8: "+2 trade aligned with the daily/4H bias"), with the
 * evidence a user reads in the journal. The daily bias decides when the daily chart has one; a 4H bias that
 * disagrees with it leaves no single direction to align with (RANGING, the factor scores 0). While the daily
 * chart has no structure yet (a daily series needs days of bars before its first break), the 4H bias decides.
 * Biases come from the structure map as of the setup's time; the "since" times come from the structure
 * engine's {@code BIAS} events, each known at the close of the higher-timeframe bar that caused it, so the
 * evidence never cites a fact from the future.
 */
public final class HtfBias {
    private HtfBias() {
    }

    /** The bias to grade against and why. */
    public record Decision(Bias bias, String evidence) {
    }

    /**
     * @param daily      the map's 1D bias (null = unknown, read as RANGING)
     * @param dailyEvent the last {@code BIAS} event of 1D (null = none yet)
     * @param dailyBars  closed 1D bars so far
     * @param h4         the map's 4H bias
     * @param h4Event    the last {@code BIAS} event of 4H
     * @param h4Bars     closed 4H bars so far
     */
    public static Decision decide(Bias daily, StructureEvent dailyEvent, long dailyBars, Bias h4, StructureEvent h4Event,
                                  long h4Bars) {
        Bias d = daily == null ? Bias.RANGING : daily;
        Bias h = h4 == null ? Bias.RANGING : h4;
        String dailyText = describe("daily", d, dailyEvent, dailyBars);
        String h4Text = describe("4H", h, h4Event, h4Bars);
        if (d != Bias.RANGING && h != Bias.RANGING && d != h) {
            return new Decision(Bias.RANGING, "daily and 4H conflict: " + dailyText + "; " + h4Text);
        }
        if (d != Bias.RANGING) {
            return new Decision(d, dailyText + "; " + h4Text);
        }
        if (h != Bias.RANGING) {
            return new Decision(h, dailyText + "; " + h4Text);
        }
        return new Decision(Bias.RANGING, dailyText + "; " + h4Text);
    }

    private static String describe(String name, Bias b, StructureEvent e, long bars) {
        if (b == Bias.RANGING) {
            return name + " has " + bars + (bars == 1 ? " bar" : " bars") + ", no structure break yet";
        }
        StringBuilder s = new StringBuilder(name).append(" bias ").append(b);
        if (e != null && e.direction() == (b == Bias.BULLISH ? 1 : -1)) {
            s.append(" since ").append(Instant.ofEpochSecond(0, e.knownTime()))
                    .append(" (close ").append(b == Bias.BULLISH ? "above " : "below ")
                    .append(dev.flof.spi.market.Fixed.format(e.top()));
            String subject = e.subject();
            int at = subject.lastIndexOf(':');
            if (at >= 0 && at + 1 < subject.length()) {
                s.append(", ").append(subject.substring(at + 1)).append(" structure");
            }
            s.append(')');
        }
        return s.toString();
    }
}
