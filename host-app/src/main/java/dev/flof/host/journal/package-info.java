/**
 * The run journal: everything a backtest, paper or live run decided and did, as plain records, in the
 * order it happened. The engine writes it; the reports (report.json, trades.csv, report.html) and the
 * tests read it. Nothing in it reads a clock: every entry carries the event time it belongs to.
 */
package dev.flof.host.journal;
