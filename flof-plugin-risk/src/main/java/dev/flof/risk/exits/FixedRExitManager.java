package dev.flof.risk.exits;

import dev.flof.risk.ParamKeys;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Instrument;
import java.util.List;
import java.util.Set;

/**
 * The plain bracket: the hard stop and the target sent with the entry do all the work, nothing is managed
 * afterwards. It exists as the simplest alternative to prove the exit extension point is swappable and as the
 * baseline every managed exit is compared with. Takes no parameters (any key is a configuration error).
 */
@org.pf4j.Extension
public final class FixedRExitManager implements ExitManager {
    public static final String ID = "fixed-r";
    static final ParamKeys KEYS = new ParamKeys(Set.of(), Set.of());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "fixed-R bracket: exchange-held stop and target, no management";
    }

    @Override
    public Manager open(Instrument instrument, Params params) {
        KEYS.check(params);
        return (event, position, map, flow) -> List.of();
    }
}
