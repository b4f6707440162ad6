package dev.flof.host.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.risk.PositionView;
import org.junit.jupiter.api.Test;

/**
 * The status's protection column: for a position order management manages (its own or an adopted one) it is
 * order management's current stop, which follows the exit manager's confirmed modifies, not the stop price the
 * reconciler found when it adopted the position.
 */
class StatusProtectionTest {
    static final long TWO = Fixed.ofUnits(2);

    static Reconciler.Holding adoptedLong(long stop) {
        return new Reconciler.Holding("ESZ6", TWO, Fixed.parse("6000"), TWO, stop, true, null, true);
    }

    static PositionView managed(Side side, long qty, long currentStop) {
        return new PositionView("ESZ6", side, qty, Fixed.parse("6000"), Fixed.parse("5990"), currentStop, "s-a1", 0);
    }

    @Test
    void anAdoptedStopMovedByTheExitManagerShowsItsNewPrice() {
        Reconciler.Holding found = adoptedLong(Fixed.parse("5990"));
        assertEquals("stop 5990 x2", found.protection(), "the reconciler's holding keeps the price it adopted");
        assertEquals("stop 6000.25 x2", LiveRunner.protection(found, TWO, managed(Side.BUY, TWO, Fixed.parse("6000.25"))));
    }

    @Test
    void aShortManagedByOrderManagementShowsItsStop() {
        Reconciler.Holding h = new Reconciler.Holding("ESZ6", -TWO, Fixed.parse("6000"), TWO, Fixed.parse("6010"), true, null, true);
        assertEquals("stop 6004 x2", LiveRunner.protection(h, -TWO, managed(Side.SELL, TWO, Fixed.parse("6004"))));
    }

    @Test
    void withoutOrderManagementTheHoldingSpeaks() {
        Reconciler.Holding unconfirmed = new Reconciler.Holding("ESZ6", TWO, Fixed.parse("6000"), 0, Fixed.parse("5985"), true,
                "FLOF-RS-ESZ6-1-1", false);
        assertEquals("stop 5985 sent (unconfirmed)", LiveRunner.protection(unconfirmed, TWO, null));
        // an emergency stop the venue has not confirmed is shown as such even once order management adopted it
        assertEquals("stop 5985 sent (unconfirmed)", LiveRunner.protection(unconfirmed, TWO,
                managed(Side.BUY, TWO, Fixed.parse("5985"))));
        assertEquals("stop 5990 x2", LiveRunner.protection(adoptedLong(Fixed.parse("5990")), TWO, null));
        assertEquals("UNPROTECTED", LiveRunner.protection(null, TWO, null));
        assertEquals("flat", LiveRunner.protection(adoptedLong(Fixed.parse("5990")), 0, managed(Side.BUY, TWO, Fixed.parse("5990"))));
    }

    @Test
    void aManagedQuantityThatDiffersFromTheVenueDefersToTheHolding() {
        // order management tracks 1, the venue holds 2 (a fill not seen yet): the reconciler's view of the venue wins
        assertEquals("stop 5990 x2", LiveRunner.protection(adoptedLong(Fixed.parse("5990")), TWO,
                managed(Side.BUY, Fixed.ofUnits(1), Fixed.parse("5995"))));
    }
}
