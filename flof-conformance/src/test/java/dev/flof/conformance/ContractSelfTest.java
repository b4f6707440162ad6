package dev.flof.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.PositionSizer;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import dev.flof.spi.risk.Factor;
import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.PositionView;
import dev.flof.spi.risk.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The suites must catch what they promise to catch: each runs here against a correct implementation (passes) and
 * against implementations broken in one way each (fails with a message naming the broken rule).
 */
class ContractSelfTest {
    // ---------------------------------------------------------------- graders

    /** A point for a long, with a named reason; correct. */
    static class LongBiasGrader implements ConfluenceGrader {
        public String id() {
            return "long-bias";
        }

        public GradeResult grade(Setup s) {
            boolean up = s.direction() == Side.BUY;
            return new GradeResult(List.of(new Factor("long", up ? 1 : 0, up ? "long setup" : "short setup")), 1);
        }
    }

    static ConfluenceGraderContract grader(Supplier<ConfluenceGrader> factory) {
        return new ConfluenceGraderContract() {
            @Override
            protected ConfluenceGrader createGrader() {
                return factory.get();
            }
        };
    }

    static void failsWith(Runnable check, String fragment) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, check::run);
        assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
    }

    @Test
    void aCorrectGraderPasses() {
        ConfluenceGraderContract c = grader(LongBiasGrader::new);
        assertDoesNotThrow(c::hasAStableConfigurationId);
        assertDoesNotThrow(c::isDeterministic);
        assertDoesNotThrow(c::pointsStayWithinTheDeclaredRange);
        assertDoesNotThrow(c::namesEveryFactorWithAReason);
        assertDoesNotThrow(c::neverThrowsOnASetupWithoutOrderFlowFacts);
    }

    @Test
    void aGraderWithStateIsNotDeterministic() {
        failsWith(grader(() -> new LongBiasGrader() {
            int calls;

            @Override
            public GradeResult grade(Setup s) {
                return new GradeResult(List.of(new Factor("n", (calls++ % 2), "alternating")), 1);
            }
        })::isDeterministic, "twice gave different results");
    }

    @Test
    void pointsAboveTheDeclaredMaximumAreCaught() {
        failsWith(grader(() -> new LongBiasGrader() {
            @Override
            public GradeResult grade(Setup s) {
                return new GradeResult(List.of(new Factor("a", 2, "two"), new Factor("b", s.poiTouches() == 0 ? 1 : 0,
                        "fresh")), 2);
            }
        })::pointsStayWithinTheDeclaredRange, "points outside 0..2");
    }

    @Test
    void aFactorWithoutAReasonIsCaught() {
        failsWith(grader(() -> new LongBiasGrader() {
            @Override
            public GradeResult grade(Setup s) {
                return new GradeResult(List.of(new Factor("silent", 0, s.killZone() == null ? "" : "in zone")), 1);
            }
        })::namesEveryFactorWithAReason, "has no reason");
    }

    @Test
    void aGraderThatNeedsOrderFlowIsCaught() {
        failsWith(grader(() -> new LongBiasGrader() {
            @Override
            public GradeResult grade(Setup s) {
                int n = s.sweptPool().length(); // NPE on a bars-only setup
                return new GradeResult(List.of(new Factor("pool", n > 0 ? 1 : 0, "pool " + s.sweptPool())), 1);
            }
        })::neverThrowsOnASetupWithoutOrderFlowFacts, "grade threw on");
    }

    @Test
    void anIdThatIsNotLowerCaseWithDashesIsCaught() {
        failsWith(grader(() -> new LongBiasGrader() {
            @Override
            public String id() {
                return "Weekly Bias";
            }
        })::hasAStableConfigurationId, "lower-case words joined by dashes");
    }

    // ---------------------------------------------------------------- exit managers

    /** Trails the stop one tick at a time behind each new favourable print, and scales out a lot at +8 ticks. */
    static final class TrailingExit implements ExitManager {
        final List<OrderCommand> sent = new ArrayList<>();

        public String id() {
            return "trailing";
        }

        public Manager open(Instrument ins, Params params) {
            return (event, p, map, flow) -> {
                List<OrderCommand> out = new ArrayList<>();
                if (event instanceof Trade t) {
                    long candidate = t.price() - p.side().sign() * 6 * ins.tickSize();
                    boolean tighter = p.side() == Side.BUY ? candidate > p.currentStop() : candidate < p.currentStop();
                    if (tighter) {
                        out.add(new OrderCommand.Modify(p.symbol(), p.stopOrderId(), 0, 0, candidate));
                    }
                    long gain = (t.price() - p.averagePrice()) * p.side().sign();
                    if (gain >= 8 * ins.tickSize() && p.quantity() > ins.lotSize()) {
                        out.add(new OrderCommand.Submit(new Order("x-" + t.sequence(), p.symbol(), p.side().opposite(),
                                OrderType.MARKET, ins.lotSize(), 0, 0, TimeInForce.IOC, true)));
                        out.add(new OrderCommand.Modify(p.symbol(), p.stopOrderId(), p.quantity() - ins.lotSize(), 0, 0));
                    }
                }
                sent.addAll(out);
                return out;
            };
        }
    }

    static ExitManagerContract exits(Supplier<ExitManager> factory) {
        return new ExitManagerContract() {
            @Override
            protected ExitManager createExitManager() {
                return factory.get();
            }
        };
    }

    @Test
    void aCorrectTrailingExitPassesAndIsActuallyExercised() {
        TrailingExit em = new TrailingExit();
        assertDoesNotThrow(exits(() -> em)::keepsTheStopRulesOnGeneratedPricePaths);
        long modifies = em.sent.stream().filter(c -> c instanceof OrderCommand.Modify).count();
        long exits = em.sent.stream().filter(c -> c instanceof OrderCommand.Submit).count();
        assertTrue(modifies > 100, "generated paths moved the stop only " + modifies + " times");
        assertTrue(exits > 10, "generated paths scaled out only " + exits + " times");
    }

    /** Wraps a manager and rewrites the first command it would send with {@code breaker}. */
    static ExitManager broken(java.util.function.BiFunction<PositionView, Event, OrderCommand> extra) {
        return new ExitManager() {
            public String id() {
                return "broken";
            }

            public Manager open(Instrument ins, Params params) {
                return (event, p, map, flow) -> {
                    OrderCommand c = extra.apply(p, event);
                    return c == null ? List.of() : List.of(c);
                };
            }
        };
    }

    @Test
    void aWideningStopIsCaught() {
        failsWith(exits(() -> broken((p, e) -> e instanceof Trade
                ? new OrderCommand.Modify(p.symbol(), p.stopOrderId(), 0, 0, p.currentStop() - p.side().sign() * 250_000_000L)
                : null))::keepsTheStopRulesOnGeneratedPricePaths, "stop widened");
    }

    @Test
    void anExitLargerThanThePositionIsCaught() {
        failsWith(exits(() -> broken((p, e) -> e instanceof dev.flof.spi.event.Bar
                ? new OrderCommand.Submit(new Order("x", p.symbol(), p.side().opposite(), OrderType.MARKET,
                        p.quantity() * 2, 0, 0, TimeInForce.IOC, true))
                : null))::keepsTheStopRulesOnGeneratedPricePaths, "exceeds the actual position");
    }

    @Test
    void anExposureAddingOrderIsCaught() {
        failsWith(exits(() -> broken((p, e) -> e instanceof dev.flof.spi.event.Bar
                ? new OrderCommand.Submit(new Order("add", p.symbol(), p.side(), OrderType.MARKET,
                        1_000_000L, 0, 0, TimeInForce.IOC, false))
                : null))::keepsTheStopRulesOnGeneratedPricePaths, "exposure-adding command");
    }

    @Test
    void cancellingTheStopIsCaught() {
        failsWith(exits(() -> broken((p, e) -> e instanceof dev.flof.spi.event.Bar
                ? new OrderCommand.Cancel(p.symbol(), p.stopOrderId()) : null))::keepsTheStopRulesOnGeneratedPricePaths,
                "cancelled the protective stop");
    }

    @Test
    void shrinkingTheStopBelowThePositionIsCaught() {
        failsWith(exits(() -> broken((p, e) -> e instanceof dev.flof.spi.event.Bar && p.quantity() > 1_000_000L
                ? new OrderCommand.Modify(p.symbol(), p.stopOrderId(), 1_000_000L, 0, 0) : null))
                ::keepsTheStopRulesOnGeneratedPricePaths, "stop resized below the position");
    }

    // ---------------------------------------------------------------- circuit breakers

    /** Vetoes new exposure after three losing fills, forever; correct. */
    static class LossCounter implements CircuitBreaker {
        public String id() {
            return "loss-counter";
        }

        public Guard create(Params params) {
            return new Guard() {
                int rejects;

                public String vet(OrderCommand c, long now) {
                    return c.addsExposure() && rejects >= 3 ? "three rejects" : null;
                }

                public List<dev.flof.spi.risk.BreakerAction> onEvent(Event e) {
                    if (e instanceof OrderEvent o && o.kind() == OrderEvent.Kind.REJECTED) {
                        rejects++;
                    }
                    return List.of();
                }
            };
        }
    }

    static CircuitBreakerContract breakers(Supplier<CircuitBreaker> factory) {
        return new CircuitBreakerContract() {
            @Override
            protected CircuitBreaker createBreaker() {
                return factory.get();
            }
        };
    }

    @Test
    void aCorrectBreakerPasses() {
        CircuitBreakerContract c = breakers(LossCounter::new);
        assertDoesNotThrow(c::neverVetoesACommandThatAddsNoExposure);
        assertDoesNotThrow(c::isDeterministicForTheSameEventStream);
    }

    @Test
    void aBreakerThatBlocksEverythingOnceTrippedIsCaught() {
        failsWith(breakers(() -> new LossCounter() {
            @Override
            public Guard create(Params params) {
                Guard inner = super.create(params);
                return new Guard() {
                    public String vet(OrderCommand c, long now) {
                        String v = inner.vet(c.addsExposure() ? c : CircuitBreakerContract.exposureProbe(Samples.ES, 1), now);
                        return v;
                    }

                    public List<dev.flof.spi.risk.BreakerAction> onEvent(Event e) {
                        return inner.onEvent(e);
                    }
                };
            }
        })::neverVetoesACommandThatAddsNoExposure, "vetoed a command that adds no exposure");
    }

    @Test
    void aBreakerWhoseVerdictsDependOnTheInstanceIsCaught() {
        java.util.concurrent.atomic.AtomicInteger instances = new java.util.concurrent.atomic.AtomicInteger();
        failsWith(breakers(() -> new LossCounter() {
            @Override
            public Guard create(Params params) {
                int me = instances.getAndIncrement();
                return new Guard() {
                    int n;

                    public String vet(OrderCommand c, long now) {
                        return c.addsExposure() && ++n % (me % 2 == 0 ? 7 : 11) == 0 ? "throttled" : null;
                    }

                    public List<dev.flof.spi.risk.BreakerAction> onEvent(Event e) {
                        return List.of();
                    }
                };
            }
        })::isDeterministicForTheSameEventStream, "guards diverged at step");
    }

    // ---------------------------------------------------------------- sizers

    /** Risk budget over stop loss, floored to the lot, capped at the maximum; correct. */
    static class SimpleSizer implements PositionSizer {
        public String id() {
            return "simple";
        }

        public Decision size(Request r) {
            long dist = Math.abs(r.entryPrice() - r.stopPrice());
            if (dist == 0 || r.gradeWeight() <= 0) {
                return new Decision(0, "no risk to size on");
            }
            double units = r.equity() / 1e9 * r.riskFraction() * r.gradeWeight()
                    / (dist / 1e9 * r.instrument().pointValue() / 1e9);
            long lot = r.instrument().lotSize();
            long q = Math.min((long) (units * 1e9) / lot * lot, r.maxQuantity() / lot * lot);
            return new Decision(Math.max(0, q), "budget over stop loss");
        }
    }

    static PositionSizerContract sizers(Supplier<PositionSizer> factory) {
        return new PositionSizerContract() {
            @Override
            protected PositionSizer createSizer() {
                return factory.get();
            }
        };
    }

    @Test
    void aCorrectSizerPasses() {
        PositionSizerContract c = sizers(SimpleSizer::new);
        assertDoesNotThrow(c::neverSizesAboveTheMaximumAndAlwaysInWholeLots);
        assertDoesNotThrow(c::aStopAtTheEntryMeansNoTrade);
        assertDoesNotThrow(c::aZeroGradeWeightMeansNoTrade);
    }

    @Test
    void aSizerIgnoringTheMaximumIsCaught() {
        failsWith(sizers(() -> new SimpleSizer() {
            @Override
            public Decision size(Request r) {
                return new Decision(r.maxQuantity() / r.instrument().lotSize() * r.instrument().lotSize()
                        + r.instrument().lotSize(), "one more");
            }
        })::neverSizesAboveTheMaximumAndAlwaysInWholeLots, "above maxQuantity");
    }

    @Test
    void aSizerReturningPartialLotsIsCaught() {
        failsWith(sizers(() -> new SimpleSizer() {
            @Override
            public Decision size(Request r) {
                Decision d = super.size(r);
                return new Decision(d.quantity() == 0 ? 0 : d.quantity() - 1, "one unit short");
            }
        })::neverSizesAboveTheMaximumAndAlwaysInWholeLots, "not a multiple of the lot");
    }

    @Test
    void aSizerThatTradesWithTheStopAtTheEntryIsCaught() {
        failsWith(sizers(() -> new SimpleSizer() {
            @Override
            public Decision size(Request r) {
                return r.entryPrice() == r.stopPrice() ? new Decision(r.instrument().lotSize(), "min size")
                        : super.size(r);
            }
        })::aStopAtTheEntryMeansNoTrade, "stop at the entry sized");
    }

    // ---------------------------------------------------------------- samples

    @Test
    void samplesAreReproducible() {
        assertTrue(Samples.setups(1, 50, Samples.ES, java.util.Map.of("weeklyBias", List.of("BULLISH")))
                .equals(Samples.setups(1, 50, Samples.ES, java.util.Map.of("weeklyBias", List.of("BULLISH")))));
        assertTrue(Samples.pricePath(new java.util.Random(3), Samples.BTC, 370_000_000_000L, 20, 4)
                .equals(Samples.pricePath(new java.util.Random(3), Samples.BTC, 370_000_000_000L, 20, 4)));
    }
}
