package dev.flof.spi.event;

import dev.flof.spi.market.Side;

/**
 * A venue's answer about one order.
 *
 * @param clientOrderId FLOF's id of the order
 * @param venueOrderId  the venue's id, or null before acceptance
 * @param fillPrice     fixed-point price of this fill (0 unless a fill)
 * @param fillQty       quantity of this fill, fixed-point (0 unless a fill)
 * @param leavesQty     quantity still working after this event
 * @param fee           fee charged for this fill, fixed-point in the account currency
 * @param reason        venue text for rejects and cancels, else empty
 */
public record OrderEvent(String venue, String symbol, long tsEvent, long tsRecv, long sequence,
                         String clientOrderId, String venueOrderId, Kind kind, Side side,
                         long fillPrice, long fillQty, long leavesQty, long fee, String reason) implements Event {
    public enum Kind { ACCEPTED, REJECTED, TRIGGERED, PARTIALLY_FILLED, FILLED, MODIFIED, MODIFY_REJECTED, CANCELLED, CANCEL_REJECTED, EXPIRED }

    public boolean isFill() {
        return kind == Kind.FILLED || kind == Kind.PARTIALLY_FILLED;
    }
}
