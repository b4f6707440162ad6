package dev.flof.risk;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;

/** Instruments with their real contract facts: ES (0.25 tick, 50 USD a point, 1 contract) and BTCUSDT. */
public final class TestInstruments {
    public static final Instrument ES = new Instrument("ESZ5", "CME", Fixed.parse("0.25"), Fixed.ofUnits(50),
            Fixed.ofUnits(1), MarketProfile.ES, "CME_GLOBEX_EQUITY");
    public static final Instrument BTC = new Instrument("BTCUSDT", "BINANCE", Fixed.parse("0.1"), Fixed.ofUnits(1),
            Fixed.parse("0.001"), MarketProfile.CRYPTO, "CRYPTO_24_7");

    private TestInstruments() {
    }

    public static long px(String decimal) {
        return Fixed.parse(decimal);
    }
}
