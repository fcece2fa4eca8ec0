package org.icm.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every runnable module (one that Spring Boot repackages into an executable jar) carries a CycloneDX SBOM of what its
 * jar holds ({@code META-INF/sbom/application.cdx.json}, made by Spring Boot's parent's CycloneDX set-up), so an
 * operator can tell which library versions an image runs. Run from this module's directory: the root is {@code ..}.
 */
class BillOfMaterialsTest {

    @Test
    void everyRunnableModuleMakesItsBillOfMaterials() throws IOException {
        List<Path> runnable;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            runnable = modules.map(module -> module.resolve("pom.xml")).filter(Files::exists)
                    .filter(pom -> read(pom).contains("<artifactId>spring-boot-maven-plugin</artifactId>"))
                    .toList();
        }

        assertThat(runnable).extracting(pom -> pom.getParent().getFileName().toString())
                .contains("gateway", "membership-service", "policy-service", "events-service", "notification-service", "web", "launcher");
        assertThat(runnable).allSatisfy(pom ->
                assertThat(read(pom)).as(pom.toString()).contains("<artifactId>cyclonedx-maven-plugin</artifactId>"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
