package dev.flof.feeds.replay;

import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.ReplaySourceProvider;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.pf4j.Extension;

/**
 * QuantConnect LEAN trade-bar zips ({@code Data/<type>/<market>/<resolution>/...}): minute files
 * ({@code YYYYMMDD_trade.zip}, time = ms since midnight of the file date) and hour/daily files
 * ({@code <ticker>_trade.zip} or {@code <ticker>.zip}, time = {@code YYYYMMDD HH:MM}); rows
 * {@code time,open,high,low,close,volume}, no header. The row time is the bar's open. Futures and crypto
 * are in UTC with plain prices; US equities are in America/New_York with prices x 10,000. A futures zip
 * holds one CSV per contract: config {@code contract=YYYYMM} picks one, otherwise the largest member (the
 * front month by activity) is used and a note says so. Futures symbols are written {@code ESZ13}.
 * Daily rows are taken as the whole calendar day of their date in the data's zone (LEAN does not cut
 * daily bars on the CME trading day); rebuild daily bars from minutes when the trading day matters.
 */
@Extension
public class LeanBarsProvider implements ReplaySourceProvider {
    private static final Pattern MEMBER = Pattern.compile("(?:(\\d{8})_)?([a-z0-9]+)(?:_(minute|hour|daily|trade))?(?:_trade)?(?:_(\\d{6}))?\\.csv");
    private static final String MONTHS = "FGHJKMNQUVXZ";
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm", Locale.ROOT);

    @Override
    public String id() {
        return "lean-bars";
    }

    @Override
    public String description() {
        return "QuantConnect LEAN trade bar zips (minute, hour, daily)";
    }

    @Override
    public boolean accepts(Path file) {
        String n = TextFiles.name(file);
        if (!n.endsWith(".zip") || n.contains("_quote") || n.contains("_openinterest")) {
            return false;
        }
        String p = file.toAbsolutePath().normalize().toString().replace('\\', '/').toLowerCase(Locale.ROOT);
        return p.contains("/minute/") || p.contains("/hour/") || p.contains("/daily/");
    }

    @Override
    public ReplaySource open(Path file, Params params) throws IOException {
        return new Source(file, params);
    }

    static String futureSymbol(String ticker, String yyyymm) {
        int year = Integer.parseInt(yyyymm.substring(0, 4));
        int month = Integer.parseInt(yyyymm.substring(4, 6));
        return ticker.toUpperCase(Locale.ROOT) + MONTHS.charAt(month - 1) + String.format(Locale.ROOT, "%02d", year % 100);
    }

    private static final class Source extends BaseReplaySource {
        private final ZipFile zip;
        private final BufferedReader in;
        private final String symbol;
        private final Timeframe tf;
        private final ZoneId zone;
        private final long priceDivisor;
        private final LocalDate fileDate;
        private final String member;
        private long line;

        Source(Path file, Params params) throws IOException {
            this(file, params, new ZipFile(file.toFile()));
        }

        private Source(Path file, Params params, ZipFile zip) throws IOException {
            this(file, params, zip, pick(file, params, zip));
        }

        private Source(Path file, Params params, ZipFile zip, ZipEntry entry) throws IOException {
            this(file, params, zip, entry, layout(file, params, entry));
        }

        private Source(Path file, Params params, ZipFile zip, ZipEntry entry, Layout l) throws IOException {
            super(file, params, List.of(l.instrument), 0, l.tf == Timeframe.M1 ? 600 : 0, false);
            this.zip = zip;
            this.member = entry.getName();
            this.symbol = l.instrument.symbol();
            this.tf = l.tf;
            this.zone = l.zone;
            this.priceDivisor = l.priceDivisor;
            this.fileDate = l.fileDate;
            this.in = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.US_ASCII));
            if (l.note != null) {
                addNote(l.note);
            }
        }

        private record Layout(Instrument instrument, Timeframe tf, ZoneId zone, long priceDivisor, LocalDate fileDate, String note) {
        }

        private static ZipEntry pick(Path file, Params params, ZipFile zip) throws IOException {
            List<ZipEntry> csvs = new ArrayList<>();
            zip.stream().filter(e -> !e.isDirectory() && e.getName().endsWith(".csv")).forEach(csvs::add);
            if (csvs.isEmpty()) {
                zip.close();
                throw new ReplayException(file, "", "no CSV member in the zip");
            }
            String contract = params.string("contract", "");
            if (!contract.isEmpty()) {
                for (ZipEntry e : csvs) {
                    if (e.getName().endsWith("_" + contract + ".csv")) {
                        return e;
                    }
                }
                zip.close();
                throw new ReplayException(file, "", "no member for contract " + contract + " (members: "
                        + csvs.stream().map(ZipEntry::getName).sorted().toList() + ")");
            }
            return csvs.stream().max(Comparator.comparingLong(ZipEntry::getSize).thenComparing(ZipEntry::getName)).orElseThrow();
        }

        private static Layout layout(Path file, Params params, ZipEntry entry) throws ReplayException {
            String p = file.toAbsolutePath().normalize().toString().replace('\\', '/').toLowerCase(Locale.ROOT);
            Matcher m = MEMBER.matcher(entry.getName().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new ReplayException(file, entry.getName(), "not a LEAN trade-bar member name");
            }
            Timeframe tf = p.contains("/minute/") ? Timeframe.M1 : p.contains("/hour/") ? Timeframe.H1 : Timeframe.D1;
            LocalDate date = m.group(1) == null ? null : LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
            String ticker = m.group(2);
            String contract = m.group(4);
            String note = null;
            Instrument ins;
            ZoneId zone;
            long div = 1;
            if (p.contains("/future/")) {
                String sym = contract == null ? ticker.toUpperCase(Locale.ROOT) : futureSymbol(ticker, contract);
                ins = ticker.equals("es") ? InstrumentParams.es(params, sym)
                        : InstrumentParams.resolve(params, sym, "CME", "0.000000001", 1, "1", dev.flof.spi.market.MarketProfile.ES, "CME_GLOBEX_EQUITY");
                zone = ZoneOffset.UTC;
                if (params.string("contract", "").isEmpty()) {
                    note = "LEAN zip " + file.getFileName() + ": replaying member " + entry.getName() + " (" + sym
                            + ", the largest); set contract=YYYYMM for another";
                }
            } else if (p.contains("/equity/")) {
                ins = InstrumentParams.resolve(params, ticker.toUpperCase(Locale.ROOT), "US", "0.01", 1, "1",
                        dev.flof.spi.market.MarketProfile.ES, "CME_GLOBEX_EQUITY");
                zone = ZoneId.of("America/New_York");
                div = 10_000;
            } else {
                ins = InstrumentParams.crypto(params, ticker.toUpperCase(Locale.ROOT), p.contains("/binance/") ? "BINANCE"
                        : p.contains("/coinbase/") ? "COINBASE" : p.contains("/bitfinex/") ? "BITFINEX" : "UNKNOWN", "0.000000001");
                zone = ZoneOffset.UTC;
            }
            if (tf == Timeframe.M1 && date == null) {
                throw new ReplayException(file, entry.getName(), "minute member without a YYYYMMDD date prefix");
            }
            if (tf == Timeframe.D1) {
                String dn = "LEAN daily bars of " + file.getFileName() + " cover the calendar day of their date in " + zone
                        + ", not the exchange trading day";
                note = note == null ? dn : note + "; " + dn;
            }
            return new Layout(ins, tf, zone, div, date, note);
        }

        @Override
        protected boolean readMore() throws IOException {
            String l;
            while ((l = in.readLine()) != null) {
                line++;
                if (l.isBlank()) {
                    continue;
                }
                String where = member + " line " + line;
                String[] f = l.strip().split(",", -1);
                if (f.length != 6) {
                    throw error(where, "expected 6 fields time,open,high,low,close,volume, got " + f.length);
                }
                long open;
                if (tf == Timeframe.M1) {
                    long ms = TextFiles.integer(file, where, "time", f[0]);
                    if (ms < 0 || ms >= 86_400_000L) {
                        throw error(where, "time: ms since midnight out of range: " + ms);
                    }
                    open = nanos(fileDate.atStartOfDay()) + ms * 1_000_000L;
                } else {
                    try {
                        open = nanos(LocalDateTime.parse(f[0].strip(), DAY_TIME));
                    } catch (DateTimeParseException e) {
                        throw error(where, "time: expected YYYYMMDD HH:MM, got '" + f[0] + "'");
                    }
                }
                long close = tf == Timeframe.D1 ? nanos(LocalDateTime.ofEpochSecond(open / 1_000_000_000L, 0, ZoneOffset.UTC)
                        .atZone(ZoneOffset.UTC).withZoneSameInstant(zone).toLocalDateTime().plusDays(1)) : open + tf.nominal().toNanos();
                offer(CsvBars.bar(file, where, symbol, tf, open, close,
                        price(where, "open", f[1]), price(where, "high", f[2]), price(where, "low", f[3]), price(where, "close", f[4]),
                        TextFiles.fixed(file, where, "volume", f[5]), line), where);
                return true;
            }
            return false;
        }

        private long price(String where, String field, String text) throws IOException {
            long v = TextFiles.fixed(file, where, field, text);
            if (priceDivisor == 1) {
                return v;
            }
            if (v % priceDivisor != 0) {
                throw error(where, field + ": scaled price " + text + " does not divide exactly by " + priceDivisor);
            }
            return v / priceDivisor;
        }

        private long nanos(LocalDateTime t) {
            return Math.multiplyExact(t.atZone(zone).toEpochSecond(), 1_000_000_000L);
        }

        @Override
        public void close() throws IOException {
            try {
                in.close();
            } finally {
                zip.close();
            }
        }
    }
}
