package dev.flof.feeds.binance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the parameter string of a Binance SIGNED request. HMAC-SHA256 gives lower-case hex; Ed25519 gives
 * base64 (the caller URL-encodes it). Implementations hold the key and never reveal it in {@code toString}.
 */
public interface BinanceSigner {
    String sign(String payload);

    /** HMAC-SHA256 with the API secret, hex-encoded, as Binance documents for HMAC keys. */
    static BinanceSigner hmac(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return new BinanceSigner() {
            @Override
            public String sign(String payload) {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(key);
                    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HmacSHA256 unavailable", e);
                }
            }

            @Override
            public String toString() {
                return "BinanceSigner[HMAC-SHA256]";
            }
        };
    }

    /** Ed25519 with a private key, base64-encoded signature. */
    static BinanceSigner ed25519(PrivateKey privateKey) {
        return new BinanceSigner() {
            @Override
            public String sign(String payload) {
                try {
                    Signature s = Signature.getInstance("Ed25519");
                    s.initSign(privateKey);
                    s.update(payload.getBytes(StandardCharsets.UTF_8));
                    return Base64.getEncoder().encodeToString(s.sign());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Ed25519 signing failed", e);
                }
            }

            @Override
            public String toString() {
                return "BinanceSigner[Ed25519]";
            }
        };
    }

    /** Ed25519 private key from PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}). */
    static BinanceSigner ed25519Pem(String pem) {
        String b64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(b64);
            return ed25519(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("BINANCE_API_SECRET is not an Ed25519 PKCS#8 PEM private key");
        }
    }
}
