package dev.flof.risk.grading;

/**
 * The trade grade on the default 10-point scale (issue 8): <b>A+</b> 9–10 points trades full risk, <b>B</b> 7–8
 * points half risk, <b>C</b> below 7 points does not trade. Thresholds are on the points the host sums over
 * every configured grader; a third-party factor that adds points therefore makes setups easier to grade A+,
 * which is the point of composing graders.
 */
public enum Grade {
    A_PLUS("A+", 1.0),
    B("B", 0.5),
    C("C", 0.0);

    /** Lowest point total that grades A+. */
    public static final int A_PLUS_MIN = 9;
    /** Lowest point total that grades B. */
    public static final int B_MIN = 7;

    private final String label;
    private final double riskWeight;

    Grade(String label, double riskWeight) {
        this.label = label;
        this.riskWeight = riskWeight;
    }

    public static Grade of(int points) {
        if (points >= A_PLUS_MIN) {
            return A_PLUS;
        }
        return points >= B_MIN ? B : C;
    }

    /** As traders write it: A+, B, C. */
    public String label() {
        return label;
    }

    /** Fraction of the full risk budget this grade trades: 1.0, 0.5 or 0 (no trade); the sizer's gradeWeight. */
    public double riskWeight() {
        return riskWeight;
    }

    public boolean tradable() {
        return riskWeight > 0;
    }
}
