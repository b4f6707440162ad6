package dev.flof.spi.order;

/**
 * A net position at a venue.
 *
 * @param quantity signed fixed-point quantity: positive long, negative short
 * @param averagePrice fixed-point average entry price
 */
public record Position(String venue, String symbol, long quantity, long averagePrice) {
    public boolean flat() {
        return quantity == 0;
    }
}
