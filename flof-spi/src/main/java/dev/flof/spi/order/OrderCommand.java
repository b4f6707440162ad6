package dev.flof.spi.order;

/**
 * What the engine asks a venue to do. Circuit breakers see every command before it leaves; they may
 * veto only {@link #addsExposure() exposure-adding} ones.
 */
public sealed interface OrderCommand {
    String symbol();

    /** True for commands that can increase exposure; cancels and reduce-only orders never do. */
    boolean addsExposure();

    record SubmitBracket(BracketOrder bracket) implements OrderCommand {
        public String symbol() {
            return bracket.entry().symbol();
        }

        public boolean addsExposure() {
            return !bracket.entry().reduceOnly();
        }
    }

    /** A single order: exits, flattening, replacement protective stops. */
    record Submit(Order order) implements OrderCommand {
        public String symbol() {
            return order.symbol();
        }

        public boolean addsExposure() {
            return !order.reduceOnly();
        }
    }

    /** Change price and/or quantity of a working order (0 keeps the current value). */
    record Modify(String symbol, String clientOrderId, long newQuantity, long newLimitPrice, long newStopPrice)
            implements OrderCommand {
        public boolean addsExposure() {
            return false;
        }
    }

    record Cancel(String symbol, String clientOrderId) implements OrderCommand {
        public boolean addsExposure() {
            return false;
        }
    }

    /** Cancel every working order of a symbol (or all symbols when symbol is "*"). */
    record CancelAll(String symbol) implements OrderCommand {
        public boolean addsExposure() {
            return false;
        }
    }
}
