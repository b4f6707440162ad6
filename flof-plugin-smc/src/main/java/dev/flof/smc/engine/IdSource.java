package dev.flof.smc.engine;

/** Engine-wide id counter: ids follow creation order, so they are deterministic. */
final class IdSource {
    private long next = 1;

    long next() {
        return next++;
    }
}
