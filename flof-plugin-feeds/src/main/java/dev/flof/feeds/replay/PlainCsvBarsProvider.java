package dev.flof.feeds.replay;

import dev.flof.spi.event.Bar;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;

/**
 * FLOF's plain bars CSV: {@code ts_ns,open,high,low,close,volume} (header optional), {@code ts_ns} the bar's
 * open time in ns since the epoch (UTC); the bar covers {@code [ts_ns, ts_ns + timeframe)} and is released
 * at its end, when it became knowable. Config {@code timeframe} (default {@code 1m}) and the instrument keys.
 * Recognised by the header or the suffix {@code .bars.csv}.
 */
@Extension
public class PlainCsvBarsProvider implements ReplaySourceProvider {
    static final String HEADER = "ts_ns,open,high,low,close,volume";

    @Override
    public String id() {
        return "csv-bars";
    }

    @Override
    public String description() {
        return "plain CSV bars: ts_ns,open,high,low,close,volume";
    }

    @Override
    public boolean accepts(Path file) {
        return TextFiles.isPlainCsv(file, ".bars.csv", HEADER);
    }

    @Override
    public ReplaySource open(Path file, Params params) throws IOException {
        Instrument ins = InstrumentParams.forFile(params, file);
        Timeframe tf = Timeframe.ofLabel(params.string("timeframe", "1m"));
        if (tf.calendarBased()) {
            throw new IllegalArgumentException(params.path() + ".timeframe: csv-bars takes intraday bars (1m..4H), got " + tf.label());
        }
        return new Source(file, params, ins, tf);
    }

    private static final class Source extends BaseReplaySource {
        private final BufferedReader in;
        private final String symbol;
        private final Timeframe tf;
        private final long durNs;
        private long line;

        Source(Path file, Params params, Instrument ins, Timeframe tf) throws IOException {
            super(file, params, List.of(ins), 0, 0, false);
            this.symbol = ins.symbol();
            this.tf = tf;
            this.durNs = tf.nominal().toNanos();
            this.in = TextFiles.reader(file);
        }

        @Override
        protected boolean readMore() throws IOException {
            String l;
            while ((l = in.readLine()) != null) {
                line++;
                String t = (line == 1 ? TextFiles.stripBom(l) : l).strip();
                if (t.isEmpty() || t.startsWith("#") || (line == 1 && t.equalsIgnoreCase(HEADER))) {
                    continue;
                }
                String where = "line " + line;
                String[] f = t.split(",", -1);
                if (f.length != 6) {
                    throw error(where, "expected 6 fields ts_ns,open,high,low,close,volume, got " + f.length);
                }
                long ts = TextFiles.integer(file, where, "ts_ns", f[0]);
                offer(CsvBars.bar(file, where, symbol, tf, ts, ts + durNs, f[1], f[2], f[3], f[4], f[5], line), where);
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
