package org.icm.service.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one input policy for text a person writes. */
class InputsTest {

    @Test
    void aTextIsTrimmedAndInNormalFormC() {
        // "é" as e + combining acute accent (NFD) and as one character (NFC) are one text
        assertThat(Inputs.text("title", "  Accueil des enfants non accompagne\u0301s ", 200)).isEqualTo("Accueil des enfants non accompagnés");
        assertThat(Inputs.optionalText("acronym", "   ", 10)).isNull();
    }

    @Test
    void controlCharactersAreRefusedAndLineBreaksOnlyWhereAFieldHasSeveralLines() {
        refused(() -> Inputs.text("reason", "suspended\u0000", 100), "reason", "control-character");
        refused(() -> Inputs.paragraphs("reason", "suspended\u0000", 100), "reason", "control-character");
        refused(() -> Inputs.text("title", "two\nlines", 100), "title", "control-character");
        refused(() -> Inputs.text("title", "a C1 control \u0085 here", 100), "title", "control-character");
        refused(() -> Inputs.paragraphs("text", "escape \u001b[31m red", 100), "text", "control-character");
        assertThat(Inputs.paragraphs("text", "First paragraph.\r\n\r\n\tSecond paragraph.", 100)).isEqualTo("First paragraph.\n\n\tSecond paragraph.");
    }

    @Test
    void bidirectionalOverridesAndBrokenSurrogatesAreRefused() {
        refused(() -> Inputs.text("title", "invoice \u202Egpj.exe", 100), "title", "bidi-control");
        refused(() -> Inputs.paragraphs("text", "isolate \u2066here\u2069", 100), "text", "bidi-control");
        refused(() -> Inputs.text("title", "half a surrogate \uD83D", 100), "title", "malformed-text");
        assertThat(Inputs.text("title", "Rights of the child \uD83D\uDC67", 100)).endsWith("\uD83D\uDC67");
        assertThat(Inputs.text("title", "حقوق الطفل", 100)).as("right-to-left script itself is text").isEqualTo("حقوق الطفل");
    }

    @Test
    void theLengthIsCountedAfterNormalisation() {
        assertThat(Inputs.text("name", "e\u0301".repeat(5), 5)).hasSize(5);
        refused(() -> Inputs.text("name", "x".repeat(6), 5), "name", "too-long");
        refused(() -> Inputs.text("name", " ", 5), "name", "required");
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.code()).isEqualTo(code);
            assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.INVALID_INPUT);
        });
    }

    @Test
    void aListWithAnEmptyEntryIsRefusedByNameAndRepeatsAreDropped() {
        assertThat(Inputs.distinctEntries("measureIds", java.util.Arrays.asList("m-1", "m-2", "m-1"))).containsExactly("m-1", "m-2");
        assertThat(Inputs.distinctEntries("measureIds", null)).isEmpty();
        assertThat(Inputs.distinctEntries("measureIds", java.util.List.of("m-1"))).as("an immutable list, as commands hold").containsExactly("m-1");
        assertThatThrownBy(() -> Inputs.distinctEntries("measureIds", java.util.Arrays.asList(null, null, null)))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.field()).isEqualTo("measureIds"));
    }
}
