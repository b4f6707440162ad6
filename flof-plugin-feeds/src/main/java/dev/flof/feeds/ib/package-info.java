/**
 * Clean-room client for the Interactive Brokers TWS API socket protocol (text protocol, server versions
 * 157..178), and the {@code ibkr} {@link dev.flof.spi.ext.ExecutionVenue} built on it.
 *
 * <p>Why clean-room: IB's own API jar is not on Maven Central and is published under a non-commercial
 * licence, so it may be neither depended on nor copied. The layouts implemented here come from
 * {@code shared/docs/execution-venues.md} §2 and are checked byte for byte against golden captures of an
 * independent MIT client ({@code shared/golden/ib}).
 *
 * <p>Layers, bottom up: {@link dev.flof.feeds.ib.TwsFrames} / {@link dev.flof.feeds.ib.TwsFrameReader}
 * (length-prefixed NUL-separated frames), {@link dev.flof.feeds.ib.TwsEncoder} and
 * {@link dev.flof.feeds.ib.TwsDecoder} (message layouts per server version),
 * {@link dev.flof.feeds.ib.TwsConnection} (socket, handshake, reader thread),
 * {@link dev.flof.feeds.ib.TwsClient} (order ids, bracket placement, reconciliation queries as futures),
 * {@link dev.flof.feeds.ib.IbOrderTemplates} (how FLOF's orders become IB orders, e.g. protective stops
 * always {@code outsideRth=1}), and {@link dev.flof.feeds.ib.IbExecutionVenue} (the SPI mapping).
 */
package dev.flof.feeds.ib;
