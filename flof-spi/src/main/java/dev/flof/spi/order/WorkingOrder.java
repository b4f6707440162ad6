package dev.flof.spi.order;

/** An order resting at a venue, as reported for reconciliation. */
public record WorkingOrder(Order order, String venueOrderId, String parentGroupId, long filledQuantity) {
}
