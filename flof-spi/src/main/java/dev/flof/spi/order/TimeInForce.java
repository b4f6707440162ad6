package dev.flof.spi.order;

public enum TimeInForce { DAY, GTC, IOC }
