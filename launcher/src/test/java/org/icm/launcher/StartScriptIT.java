package org.icm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's second start command, {@code ./start-platform.sh}, on a machine whose default Java is too old: it finds
 * a JDK 25 where JDKs are installed and starts the launcher with it, or says in one line which Java it needs and found.
 * The PATH holds only the tools the script uses, so the machine's own {@code java} plays no part.
 */
class StartScriptIT {

    static final Path SCRIPT = RunningLauncher.HOME.resolve("start-platform.sh");

    @TempDir
    Path folder;
    Path tools;
    Path oldJdk;

    @BeforeEach
    void aMachineWithAnOldJavaOnly() throws IOException {
        tools = Files.createDirectories(folder.resolve("tools"));
        for (String tool : List.of("bash", "dirname", "readlink", "sed")) {
            Path real = Files.exists(Path.of("/usr/bin", tool)) ? Path.of("/usr/bin", tool) : Path.of("/bin", tool);
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
        oldJdk = Files.createDirectories(folder.resolve("old-jdks/jdk-17/bin")).getParent();
        Files.writeString(oldJdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path oldJava = Files.writeString(oldJdk.resolve("bin/java"), "#!/bin/sh\necho 'an old java was run' >&2\nexit 9\n");
        Files.setPosixFilePermissions(oldJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void findsTheJdk25WhereJdksAreInstalledAndStartsTheLauncherWithIt() throws Exception {
        Path jdks = Files.createDirectories(folder.resolve("jdks"));
        Files.createSymbolicLink(jdks.resolve("temurin-25"), Path.of(System.getProperty("java.home")));
        Path notAFolder = Files.writeString(folder.resolve("not-a-folder"), "x");

        Result result = run(Map.of("JAVA_HOME", oldJdk.toString(), "ICM_JDK_DIRS", folder.resolve("old-jdks") + ":" + jdks),
                "--data=" + notAFolder.resolve("data"));

        assertThat(result.output()).as("the launcher itself answered, run by the JDK 25").singleElement().asString()
                .startsWith("ICM launcher: cannot write to the data folder " + notAFolder.resolve("data"));
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void withoutAJdk25SaysInOneLineWhatItNeedsAndWhatItFound() throws Exception {
        Result result = run(Map.of("JAVA_HOME", oldJdk.toString(), "ICM_JDK_DIRS", folder.resolve("old-jdks").toString()));

        assertThat(result.output()).containsExactly("ICM platform: needs a JDK 25 or newer; found java 17 at " + oldJdk
                + ". Install one (https://adoptium.net) or set JAVA_HOME to it.");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    record Result(int exitCode, List<String> output) {
    }

    private Result run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(tools.resolve("bash").toString(), SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", tools.toString());
        builder.environment().put("HOME", folder.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
        List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("WARNING:")).toList();
        return new Result(process.exitValue(), output);
    }
}
