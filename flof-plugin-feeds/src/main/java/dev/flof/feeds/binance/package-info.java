/**
 * Binance: public market-data streams (USD-M futures and spot) as a {@code FeedProvider} ({@code binance}) and
 * USD-M futures execution as an {@code ExecutionVenue} ({@code binance-usdm}).
 *
 * <p>A thin client on the JDK's {@link java.net.http.HttpClient} (REST and WebSocket) with HMAC-SHA256 or
 * Ed25519 request signing. The official SDK was not used: it drags OkHttp/Kotlin, Jetty, Gson, Hibernate
 * Validator and its own Jackson into the plugin class loader, and its timestamp ignores the server-time
 * offset. Since 2025-12-09 protective stops and take-profits go to {@code /fapi/v1/algoOrder}; since
 * 2026-04-23 USD-M streams are split over the {@code /public} (book) and {@code /market} (trades, klines)
 * routes, and a stream on the wrong route is silent, which the staleness watchdog catches.
 */
package dev.flof.feeds.binance;
