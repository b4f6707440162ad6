/**
 * Databento's live gateway over raw TCP (§8 of the Databento notes): CRAM authentication, chunked
 * subscriptions, the DBN stream, heartbeat-based death detection and reconnects
 * ({@link dev.flof.feeds.databento.live.LiveClient}); the data-tier cost valve with its meter
 * ({@link dev.flof.feeds.databento.live.TieredLiveFeed}); and the FLOF feed extension built on them
 * ({@link dev.flof.feeds.databento.live.DatabentoFeedProvider}).
 */
package dev.flof.feeds.databento.live;
