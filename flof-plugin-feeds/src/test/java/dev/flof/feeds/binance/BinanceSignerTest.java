package dev.flof.feeds.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BinanceSignerTest {
    /** The worked example of Binance's API documentation ("SIGNED Endpoint Examples", HMAC-SHA256). */
    @Test
    void hmacMatchesTheDocumentedExample() {
        BinanceSigner s = BinanceSigner.hmac("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
        assertEquals("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
                s.sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                        + "&timestamp=1499827319559"));
    }

    @Test
    void toStringRevealsNoKey() {
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        assertFalse(BinanceSigner.hmac(secret).toString().contains(secret));
    }

    @Test
    void ed25519SignatureVerifiesWithThePublicKeyOnlyForTheSamePayload() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                kp.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        BinanceSigner s = BinanceSigner.ed25519Pem(pem);
        String payload = "symbol=BTCUSDT&side=SELL&timestamp=1764000000000&recvWindow=5000";
        byte[] sig = Base64.getDecoder().decode(s.sign(payload));
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(kp.getPublic());
        v.update(payload.getBytes(StandardCharsets.UTF_8));
        assertTrue(v.verify(sig));
        v.initVerify(kp.getPublic());
        v.update((payload + "0").getBytes(StandardCharsets.UTF_8));
        assertFalse(v.verify(sig));
    }

    @Test
    void aPemThatIsNotEd25519IsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinanceSigner.ed25519Pem("not-a-key-XYZSECRET"));
        assertFalse(e.getMessage().contains("XYZSECRET"));
    }
}
