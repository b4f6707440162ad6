package dev.flof.feeds.databento.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.feeds.databento.historical.ApiKey;
import org.junit.jupiter.api.Test;

/** The two CRAM test vectors of §8 of the Databento notes. */
class CramTest {
    @Test
    void pythonClientVector() {
        assertEquals("be87ce3d564b64481d4ad1902e2b41b26e3eef62b9de37d87eb4a1d4a5199b6f-FFFFF",
                Cram.response("abcd1234", ApiKey.of("db-unittestapikey1234567890FFFFF")));
    }

    @Test
    void cppAndRustMockVector() {
        assertEquals("42e2c6c6a874b2f4498bcaf0541be406901a23adef1fb2843d5426f6d2387d14-iller",
                Cram.response("t7kNhwj4xqR0QYjzFKtBEG2ec2pXJ4FK", ApiKey.of("32-character-with-lots-of-filler")));
    }
}
