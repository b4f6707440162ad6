/**
 * Databento's historical HTTP API (§6 of the Databento notes): cost control before every pull
 * ({@code metadata.get_cost}, {@code get_billable_size}, {@code get_record_count}), streamed
 * {@code timeseries.get_range} and {@code symbology.resolve}, with typed errors, Retry-After and backoff.
 * {@link dev.flof.feeds.databento.historical.ApiKey} keeps the key out of every log line and message.
 */
package dev.flof.feeds.databento.historical;
