package dev.flof.feeds.replay;

import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * NautilusTrader's 1-minute bar CSVs ({@code timestamp,open,high,low,close,volume} or
 * {@code timestamp_utc,...}, UTC {@code YYYY-MM-DD HH:MM:SS[.ffffff]}, optionally gzipped). The
 * timestamp is the bar's <em>close</em> (Nautilus stamps bars at their end: the CME 6E file's first bar is
 * 23:01 UTC, one minute after the 18:00 ET Globex open); config {@code bar-time=open} flips that.
 * Volumes are written from binary floats upstream ({@code 218102.59507500002}); they are rounded half-even
 * to 9 decimal places and counted. Prices must be exact.
 * Instrument from config; the symbol defaults to the file name up to its first {@code _}, upper-cased.
 */
@Extension
public class NautilusBarsProvider implements ReplaySourceProvider {
    private static final DateTimeFormatter TS = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().toFormatter(Locale.ROOT);

    @Override
    public String id() {
        return "nautilus-bars";
    }

    @Override
    public String description() {
        return "NautilusTrader 1-minute bar CSVs (timestamp,open,high,low,close,volume)";
    }

    @Override
    public boolean accepts(Path file) {
        String n = TextFiles.name(file);
        String h = TextFiles.firstLine(file).toLowerCase(Locale.ROOT);
        return (n.endsWith(".csv") || n.endsWith(".csv.gz"))
                && (h.equals("timestamp,open,high,low,close,volume") || h.equals("timestamp_utc,open,high,low,close,volume"));
    }

    @Override
    public ReplaySource open(Path file, Params params) throws IOException {
        String n = file.getFileName().toString();
        String sym = (n.contains("_") ? n.substring(0, n.indexOf('_')) : n.substring(0, n.indexOf('.') > 0 ? n.indexOf('.') : n.length()))
                .toUpperCase(Locale.ROOT);
        MarketProfile profile = MarketProfile.valueOf(params.string("profile", "CRYPTO").toUpperCase(Locale.ROOT));
        Instrument ins = profile == MarketProfile.ES
                ? InstrumentParams.resolve(params, sym, "CME", "0.000000001", 1, "1", MarketProfile.ES, "CME_GLOBEX_EQUITY")
                : InstrumentParams.crypto(params, sym, "UNKNOWN", "0.000000001");
        String barTime = params.string("bar-time", "close");
        if (!barTime.equals("close") && !barTime.equals("open")) {
            throw new IllegalArgumentException(params.path() + ".bar-time: expected close or open, got '" + barTime + "'");
        }
        return new Source(file, params, ins, barTime.equals("close"));
    }

    private static final class Source extends BaseReplaySource {
        private static final long MINUTE = 60_000_000_000L;
        private final BufferedReader in;
        private final String symbol;
        private final boolean stampedAtClose;
        private long line;

        Source(Path file, Params params, Instrument ins, boolean stampedAtClose) throws IOException {
            super(file, params, List.of(ins), 0, 300, false);
            this.symbol = ins.symbol();
            this.stampedAtClose = stampedAtClose;
            this.in = TextFiles.reader(file);
            addNote(file.getFileName() + ": bar timestamps read as the bar's " + (stampedAtClose ? "close" : "open") + " (UTC)");
        }

        @Override
        protected boolean readMore() throws IOException {
            String l;
            while ((l = in.readLine()) != null) {
                line++;
                if (line == 1 || l.isBlank()) {
                    continue;
                }
                String where = "line " + line;
                String[] f = l.strip().split(",", -1);
                if (f.length != 6) {
                    throw error(where, "expected 6 fields timestamp,open,high,low,close,volume, got " + f.length);
                }
                long ts;
                try {
                    LocalDateTime t = LocalDateTime.parse(f[0].strip(), TS);
                    ts = Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000_000L), t.getNano());
                } catch (DateTimeParseException e) {
                    throw error(where, "timestamp: expected YYYY-MM-DD HH:MM:SS[.ffffff], got '" + f[0] + "'");
                }
                long open = stampedAtClose ? ts - MINUTE : ts;
                boolean[] rounded = new boolean[1];
                long vol = TextFiles.fixedRounded(file, where, "volume", f[5], rounded);
                if (rounded[0]) {
                    count("volumes rounded to 9 decimal places");
                }
                offer(CsvBars.bar(file, where, symbol, Timeframe.M1, open, open + MINUTE,
                        TextFiles.fixed(file, where, "open", f[1]), TextFiles.fixed(file, where, "high", f[2]),
                        TextFiles.fixed(file, where, "low", f[3]), TextFiles.fixed(file, where, "close", f[4]), vol, line), where);
                return true;
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
