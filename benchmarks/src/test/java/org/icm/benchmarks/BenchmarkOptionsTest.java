package org.icm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's options; the benchmark itself is a program, never run by the build. */
class BenchmarkOptionsTest {

    @Test
    void noArgumentsGiveTheDefaults() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options).isEqualTo(new BenchmarkOptions(BenchmarkOptions.DEFAULT_CLIENTS, BenchmarkOptions.DEFAULT_COMMANDS,
                BenchmarkOptions.DEFAULT_DOSSIERS, BenchmarkOptions.DEFAULT_WARMUP, BenchmarkOptions.DEFAULT_WARMUP_ROUNDS, ServiceJvm.Flags.IMAGE,
                BenchmarkOptions.DEFAULT_POLICY_JAR, Map.of(), false));
    }

    @Test
    void optionsAndSpringPropertiesAreRead() {
        BenchmarkOptions options = BenchmarkOptions.parse("--clients=8", "--commands=500", "--dossiers=20", "--warmup=0", "--warmup-rounds=3",
                "--service-jvm=launcher", "--policy-jar=/tmp/policy.jar", "--spring.datasource.hikari.maximum-pool-size=16", "");

        assertThat(options.clients()).isEqualTo(8);
        assertThat(options.commands()).isEqualTo(500);
        assertThat(options.dossiers()).isEqualTo(20);
        assertThat(options.warmup()).isZero();
        assertThat(options.warmupRounds()).isEqualTo(3);
        assertThat(options.serviceJvm()).isEqualTo(ServiceJvm.Flags.LAUNCHER);
        assertThat(options.policyJar()).isEqualTo(Path.of("/tmp/policy.jar"));
        assertThat(options.serviceProperties()).containsExactly(Map.entry("spring.datasource.hikari.maximum-pool-size", "16"));
    }

    @Test
    void aMistakeIsNamed() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--clients=0")).hasMessage("--clients must be at least 1");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--commands=many")).hasMessage("--commands must be a whole number, not 'many'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--client=4")).hasMessage("unknown option --client");
        assertThatThrownBy(() -> BenchmarkOptions.parse("clients=4")).hasMessage("not an option: clients=4");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--service-jvm=big")).hasMessage("--service-jvm must be image or launcher, not 'big'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--read-model=off")).hasMessageStartingWith("--read-model is gone");
    }
}
