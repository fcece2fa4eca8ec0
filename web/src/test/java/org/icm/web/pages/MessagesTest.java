package org.icm.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.icm.kernel.vocabulary.MeasureType;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationKind;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.kernel.vocabulary.Uptake;
import org.junit.jupiter.api.Test;

/** Every page speaks English and French: the two message files name the same keys, and every shared word has both. */
class MessagesTest {

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        Properties english = load("messages.properties");
        Properties french = load("messages_fr.properties");

        assertThat(new TreeSet<>(french.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    }

    @Test
    void everyWordOfTheSharedVocabulariesIsTranslated() throws IOException {
        // policy areas, stages and measure types: the shared kernel's words, which the pages read too (spring.messages.basename)
        Properties french = load("messages_fr.properties");
        french.putAll(load("org/icm/kernel/vocabulary/words_fr.properties"));
        Set<String> missing = new TreeSet<>();
        check(french, "policyArea", PolicyArea.values(), missing);
        check(french, "stage", ProcedureStage.values(), missing);
        check(french, "measureType", MeasureType.values(), missing);
        check(french, "uptake", Uptake.values(), missing);
        check(french, "scope", OrganisationScope.values(), missing);
        check(french, "focus", OrganisationFocus.values(), missing);
        check(french, "kind", OrganisationKind.values(), missing);

        assertThat(missing).isEmpty();
    }

    @Test
    void messagesWithArgumentsUseTypographicApostrophes() throws IOException {
        // MessageFormat reads a plain apostrophe as a quote and would swallow the arguments after it
        Properties french = load("messages_fr.properties");
        assertThat(french.stringPropertyNames()).filteredOn(key -> french.getProperty(key).contains("{0"))
                .allSatisfy(key -> assertThat(french.getProperty(key)).as(key).doesNotContain("'"));
    }

    @Test
    void everyRefusalCodeOfThePlatformHasFrenchWords() throws IOException {
        // the codes the services and the gateway give their refusals, read from their sources (RuleViolation, Problems.of)
        Pattern refusal = Pattern.compile("(?:RuleViolation\\.(?:invalid|conflict|notAllowed)|Problems\\.of|problem)\\((.*?)\\);", Pattern.DOTALL);
        Pattern code = Pattern.compile("\"([a-z0-9]+(?:-[a-z0-9]+)+)\"");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of(".."))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java") && path.toString().contains("/src/main/java/")
                    && !path.startsWith(Path.of("..", "web"))).toList()) {
                Matcher calls = refusal.matcher(Files.readString(source));
                while (calls.find()) {
                    Matcher codes0 = code.matcher(calls.group(1));
                    while (codes0.find()) {
                        codes.add(codes0.group(1));
                    }
                }
            }
        }
        Properties french = load("problems_fr.properties");

        assertThat(codes).as("codes found in the platform's sources").hasSizeGreaterThan(50);
        assertThat(codes).filteredOn(found -> !french.containsKey("problem." + found)).as("refusal codes without French words").isEmpty();
    }

    private static void check(Properties messages, String group, Enum<?>[] values, Set<String> missing) {
        for (Enum<?> value : values) {
            if (!messages.containsKey(group + "." + value.name())) {
                missing.add(group + "." + value.name());
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
