package dev.flof.spi.structure;

/** Directional bias of a timeframe from its structure. */
public enum Bias { BULLISH, BEARISH, RANGING }
