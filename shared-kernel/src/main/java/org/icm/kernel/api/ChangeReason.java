package org.icm.kernel.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Why a change is made, as the services' write APIs take it: the {@value #HEADER} request header, kept in the change's
 * audit record. A header carries Latin-1 at most, and many reasons do not fit it (a French typographic apostrophe,
 * "œ", a dash, a line break), so such a reason travels the way RFC 8187 gives for header parameters: {@code UTF-8''}
 * then its UTF-8 bytes, percent-encoded except letters, digits and {@code !#$&+-.^_`|~}. A plain value is the reason
 * as it is, so {@code X-Change-Reason: Council position adopted} keeps working.
 */
public final class ChangeReason {

    public static final String HEADER = "X-Change-Reason";

    private static final String UTF_8_PREFIX = "UTF-8''";
    private static final String ATTRIBUTE_SYMBOLS = "!#$&+-.^_`|~";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private ChangeReason() {
    }

    /** The header value for a reason: the reason itself when it is printable ASCII, else its RFC 8187 encoding. */
    public static String encode(String reason) {
        boolean plain = reason.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !startsWithPrefix(reason);
        if (plain) {
            return reason;
        }
        StringBuilder encoded = new StringBuilder(UTF_8_PREFIX);
        for (byte b : reason.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTRIBUTE_SYMBOLS.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX.toHexDigits((byte) c));
            }
        }
        return encoded.toString();
    }

    /**
     * The reason a header value carries (null for none).
     *
     * @throws IllegalArgumentException when it starts as an RFC 8187 value but is not a well-formed one
     */
    public static String decode(String header) {
        if (header == null || !startsWithPrefix(header)) {
            return header;
        }
        String encoded = header.substring(UTF_8_PREFIX.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || !HexFormat.isHexDigit(encoded.charAt(i + 1)) || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                    throw new IllegalArgumentException("a % must be followed by two hexadecimal digits");
                }
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTRIBUTE_SYMBOLS.indexOf(c) >= 0)) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("'" + c + "' must be percent-encoded after UTF-8''");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the percent-encoded bytes are not UTF-8", e);
        }
    }

    private static boolean startsWithPrefix(String value) {
        return value.regionMatches(true, 0, UTF_8_PREFIX, 0, UTF_8_PREFIX.length());
    }
}
