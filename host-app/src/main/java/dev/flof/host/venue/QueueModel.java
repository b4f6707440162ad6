package dev.flof.host.venue;

/**
 * When a resting limit order may fill. The default is the conservative one: a backtest that fills limits on
 * a mere touch flatters the strategy, because at the real venue the order waits behind the queue already at
 * that price.
 */
public enum QueueModel {
    /** A limit fills only when a print goes through its price (strictly better than the limit for the counterparty). */
    TRADE_THROUGH,
    /**
     * A limit also fills on prints at its price, once the volume displayed ahead of it when it arrived (the
     * size at that level in the last quote or depth snapshot) has traded.
     */
    QUEUE_POSITION
}
