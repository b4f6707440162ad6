package com.example.it;

import dev.flof.spi.ext.ConfluenceGrader;
import dev.flof.spi.risk.Factor;
import dev.flof.spi.risk.GradeResult;
import dev.flof.spi.risk.Setup;
import java.util.List;
import org.pf4j.Extension;

@Extension
public class ItGrader implements ConfluenceGrader {
    public String id() { return "it-grader"; }
    public GradeResult grade(Setup s) {
        return new GradeResult(List.of(new Factor("it", 0, NAME)), 1);
    }
    static final String NAME = "it";
}
