package dev.flof.maven;

import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.Setup;
import java.util.List;

/** A real extension for the verifier tests to find on the class path. */
public class SampleGrader implements ConfluenceGrader {
    @Override
    public String id() {
        return "sample";
    }

    @Override
    public GradeResult grade(Setup setup) {
        return new GradeResult(List.of(), 0);
    }

    /** Implements an extension point but PF4J could not create it. */
    public static class NoDefaultConstructor extends SampleGrader {
        public NoDefaultConstructor(int x) {
        }
    }
}
