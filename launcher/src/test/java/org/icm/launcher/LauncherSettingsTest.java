package org.icm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.icm.launcher.LauncherSettings.SampleContent;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    @Test
    void anEmptyPlatformGetsTheSampleContentOnItsFirstStartUnlessToldOtherwise() {
        assertThat(LauncherSettings.parse().sampleContent()).isEqualTo(SampleContent.ON_FIRST_START);
        assertThat(LauncherSettings.parse("--sample-content").sampleContent()).isEqualTo(SampleContent.ON_EVERY_START);
        assertThat(LauncherSettings.parse("--no-sample-content").sampleContent()).isEqualTo(SampleContent.NEVER);

        assertThat(Launcher.sampleContentProperties(SampleContent.ON_FIRST_START))
                .isEqualTo(Map.of("icm.sample-content.load-on-first-start", "true"));
        assertThat(Launcher.sampleContentProperties(SampleContent.ON_EVERY_START))
                .isEqualTo(Map.of("icm.sample-content.load-on-start", "true"));
        assertThat(Launcher.sampleContentProperties(SampleContent.NEVER)).as("no sample property: nothing loads").isEmpty();
    }

    @Test
    void anUnknownOptionNamesTheKnownOnes() {
        assertThatThrownBy(() -> LauncherSettings.parse("--samples=yes"))
                .hasMessageContaining("unknown option --samples")
                .hasMessageContaining("--no-sample-content");
    }
}
