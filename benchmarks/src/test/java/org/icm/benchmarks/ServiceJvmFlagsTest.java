package org.icm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmarks run the services with the JVM flags the platform deploys them with: the same as where those are said. */
class ServiceJvmFlagsTest {

    /** The repository's root: the build runs this test in the benchmarks module's folder. */
    private static final Path ROOT = Path.of("..");

    @Test
    void theImageFlagsAreTheDockerfiles() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        assertThat(dockerfile).contains("ENV JAVA_OPTS=\"" + String.join(" ", ServiceJvm.Flags.IMAGE.options()) + "\"");
    }

    @Test
    void theLauncherFlagsAreTheLaunchers() throws IOException {
        String launcher = Files.readString(ROOT.resolve("launcher/src/main/java/org/icm/launcher/ServiceProcess.java"));

        assertThat(launcher.replaceAll("\\s+", " "))
                .contains("JVM_OPTIONS = List.of( \"" + String.join("\", \"", ServiceJvm.Flags.LAUNCHER.options()) + "\");");
    }
}
