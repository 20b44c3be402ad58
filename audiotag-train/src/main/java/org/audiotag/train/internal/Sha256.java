package org.audiotag.train.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of text, as lower-case hex. */
public final class Sha256 {

    private Sha256() {
    }

    /**
     * Returns the SHA-256 of a text's UTF-8 bytes in lower-case hex.
     *
     * @param s the text, hashed as UTF-8
     * @return 64 lower-case hex digits
     */
    public static String hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
