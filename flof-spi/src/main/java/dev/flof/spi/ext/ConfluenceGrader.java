package dev.flof.spi.ext;

import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.Setup;

/**
 * Scores a setup. Deterministic, never throws on a setup lacking order-flow facts, and names every factor.
 * Graders compose: the host sums the factors of every configured grader.
 */
public interface ConfluenceGrader extends FlofExtension {
    GradeResult grade(Setup setup);
}
