package org.icm.service.logging;

import java.util.regex.Pattern;

/**
 * What never reaches a log in clear: e-mail addresses and access tokens (JWTs), wherever they appear in a message or an
 * exception. Names cannot be recognised in free text, so the code logs people by account id only; the personal-data
 * journey test (end-to-end) searches every service's log for a person's name and address.
 */
public final class PersonalDataMasking {

    static final String EMAIL = "[e-mail]";
    static final String TOKEN = "[token]";
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[\\w.%+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]{4,}\\.[\\w-]{4,}\\.[\\w-]*");

    private PersonalDataMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0 && !text.contains("eyJ")) {
            return text; // the common case costs one scan
        }
        return JWT.matcher(EMAIL_ADDRESS.matcher(text).replaceAll(EMAIL)).replaceAll(TOKEN);
    }
}
