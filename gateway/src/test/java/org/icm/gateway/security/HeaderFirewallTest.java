package org.icm.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The gateway's header rules decide exactly as Spring Security's own regular expressions do. */
class HeaderFirewallTest {

    @Test
    void everyCharacterIsJudgedAsSpringSecurityJudgesIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = Character.toString(codePoint);
            if (HeaderFirewall.isAllowedName(text) != StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text)
                    || HeaderFirewall.isAllowedValue(text) != StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text)) {
                throw new AssertionError("judged otherwise than Spring Security: U+%04X".formatted(codePoint));
            }
        }
    }

    @Test
    void wholeHeadersAreJudgedAsSpringSecurityJudgesThem() {
        List<String> headers = List.of("", "Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "text/html; q=0.9",
                "a\tb", "a\rb", "a\nb", "a\u0000b", "a\u007Fb", "\u00E9t\u00E9", "c\u0153ur \u2014 \u00AB ok \u00BB",
                "\uD83D\uDE00 emoji", "lone \uD83D surrogate", "lone \uDE00 low", "\u0378 unassigned", "\uFFFF", "\u00A0nbsp");
        for (String header : headers) {
            assertThat(HeaderFirewall.isAllowedName(header)).as("name %s", header)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(header));
            assertThat(HeaderFirewall.isAllowedValue(header)).as("value %s", header)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(header));
        }
        assertThat(HeaderFirewall.isAllowedName(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null));
        assertThat(HeaderFirewall.isAllowedValue(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
        assertThat(HeaderFirewall.isAllowedValue("a\tb")).isTrue();
        assertThat(HeaderFirewall.isAllowedName("a\tb")).isFalse();
        assertThat(HeaderFirewall.isAllowedValue("a\u0000b")).isFalse();
    }
}
