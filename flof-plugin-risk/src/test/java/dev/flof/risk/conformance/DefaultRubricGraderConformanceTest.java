package dev.flof.risk.conformance;

import dev.flof.conformance.ConfluenceGraderContract;
import dev.flof.risk.grading.DefaultRubricGrader;
import dev.flof.spi.ext.ConfluenceGrader;
import java.util.List;
import java.util.Map;

/** The default 10-point rubric passes the grader contract, including the evidence strings it reads from extra. */
class DefaultRubricGraderConformanceTest extends ConfluenceGraderContract {
    @Override
    protected ConfluenceGrader createGrader() {
        return new DefaultRubricGrader();
    }

    @Override
    protected Map<String, List<String>> extraFacts() {
        return Map.of(DefaultRubricGrader.ORDER_FLOW + ".evidence", List.of("CVD -1,240 into the low", " "),
                DefaultRubricGrader.SWEEP + ".evidence", List.of("PDL 4490.25 taken at 09:41"));
    }
}
