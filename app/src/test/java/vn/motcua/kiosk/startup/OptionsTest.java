// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void restartWhenChangedNamesTheBuildStamp() {
        Options o = Options.parse("--restart-when-changed", "/usr/lib/mot-cua-kiosk/build-id", "--windowed");
        assertThat(o.restartWhenChanged()).isEqualTo(Path.of("/usr/lib/mot-cua-kiosk/build-id"));
        assertThat(o.windowed()).isTrue();
        assertThat(Options.parse().restartWhenChanged()).isNull();
    }

    @Test
    void restartWhenChangedNeedsAFile() {
        assertThatThrownBy(() -> Options.parse("--restart-when-changed"))
                .hasMessage("--restart-when-changed needs a path");
    }

    @Test
    void everyOptionTheUsageNamesIsAccepted() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(--[a-z-]+)(?: (DIR|FILE))?]").matcher(Options.USAGE);
        int named = 0;
        while (m.find()) {
            String[] args = m.group(2) == null ? new String[] {m.group(1)} : new String[] {m.group(1), "/tmp/x"};
            Options.parse(args);
            named++;
        }
        assertThat(named).isEqualTo(8);
    }

    @Test
    void aWrongArgumentShowsEveryOption() {
        assertThatThrownBy(() -> Options.parse("--restart-when-changd", "x"))
                .hasMessageStartingWith("unknown argument: --restart-when-changd (usage: ")
                .hasMessageContaining("[--report-first-frame] [--restart-when-changed FILE]");
    }
}
