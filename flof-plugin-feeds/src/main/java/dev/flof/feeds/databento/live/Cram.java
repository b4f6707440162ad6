package dev.flof.feeds.databento.live;

import dev.flof.feeds.databento.historical.ApiKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The live gateway's challenge-response authentication (§8): the client proves it holds the key without
 * sending it, answering {@code sha256_hex(challenge + "|" + key) + "-" + bucket_id}, where the bucket id is
 * the key's last five characters.
 */
public final class Cram {
    private Cram() {
    }

    /** The value of the {@code auth=} field for {@code challenge} (the text after {@code cram=}). */
    public static String response(String challenge, ApiKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((challenge + "|" + key.reveal()).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest) + "-" + key.bucketId();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
