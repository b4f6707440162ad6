package dev.flof.host.venue;

import static dev.flof.host.venue.Tape.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VenueConfigTest {
    @Test
    void readsEveryKey() {
        VenueConfig c = VenueConfig.fromParams("CME", new Params("venues.cme", Map.of("send-latency-us", "250",
                "ack-latency-us", "1000", "slippage-ticks", "1", "queue-model", "queue-position",
                "starting-balance", "25000.50", "currency", "USD")));
        assertEquals(new VenueConfig("CME", 250_000, 1_000_000, 1, QueueModel.QUEUE_POSITION, px("25000.5"), "USD"), c);
    }

    @Test
    void badValuesNameTheirKey() {
        var e = assertThrows(IllegalArgumentException.class, () -> VenueConfig.fromParams("CME",
                new Params("venues.cme", Map.of("starting-balance", "1000", "queue-model", "fifo"))));
        assertEquals("venues.cme.queue-model: expected trade-through or queue-position, got 'fifo'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VenueConfig.fromParams("CME", Params.empty("venues.cme")));
        assertEquals("venues.cme.starting-balance: required", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VenueConfig.fromParams("CME",
                new Params("venues.cme", Map.of("starting-balance", "lots"))));
        assertEquals("venues.cme.starting-balance: expected a decimal number, got 'lots'", e.getMessage());
    }

    @Test
    void instrumentTermsDefaultsPerProfile() {
        InstrumentTerms es = InstrumentTerms.fromParams(ES_INSTRUMENT,
                new Params("instruments.es", Map.of("initial-margin-per-contract", "16000")));
        assertEquals(new FeeModel.PerContract(px("0.85"), px("1.38")), es.fees());
        assertEquals(new MarginModel.PerUnit(px("16000")), es.margin());
        InstrumentTerms btc = InstrumentTerms.fromParams(BTC_INSTRUMENT, Params.empty("instruments.btc"));
        assertEquals(new FeeModel.MakerTaker(Fixed.ofUnits(2), Fixed.ofUnits(5)), btc.fees());
        assertEquals(new MarginModel.Leverage(Fixed.ofUnits(1)), btc.margin());
        var e = assertThrows(IllegalArgumentException.class,
                () -> InstrumentTerms.fromParams(ES_INSTRUMENT, Params.empty("instruments.es")));
        assertEquals("instruments.es.initial-margin-per-contract: required for ESZ6 (the exchange's current initial "
                + "margin per contract)", e.getMessage());
    }
}
