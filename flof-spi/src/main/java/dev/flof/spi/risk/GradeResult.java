package dev.flof.spi.risk;

import java.util.List;

/** Points with the factors that earned them; {@code maxPoints} is the grader's declared range. */
public record GradeResult(List<Factor> factors, int maxPoints) {
    public GradeResult {
        factors = List.copyOf(factors);
    }

    public int points() {
        return factors.stream().mapToInt(Factor::points).sum();
    }
}
