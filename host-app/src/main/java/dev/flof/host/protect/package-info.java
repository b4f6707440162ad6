/**
 * Protections against sudden price moves (issue 11) that run in the real trading path of backtest, paper and live:
 * the entry door {@link dev.flof.host.protect.ProtectedDesk} (ES session policy, news blackout, crypto liquidation
 * guard) and the {@link dev.flof.host.protect.StopEscalation} the trading loop runs. The shock lab
 * ({@code dev.flof.host.shocklab}) exercises the same classes; {@code docs/shock-lab.md} explains what each bounds.
 */
package dev.flof.host.protect;
