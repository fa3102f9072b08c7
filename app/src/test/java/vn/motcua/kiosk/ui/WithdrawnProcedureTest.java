// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A procedure the portal no longer lists is not offered on the procedure screen, by browsing or by search. */
class WithdrawnProcedureTest extends ShellFixture {
    @Test
    void aWithdrawnProcedureIsNeverOffered(FxRobot robot) {
        services.catalogue().portalOffers(Set.of("lltp-self", "khai-sinh", "khai-tu", "trich-luc-ho-tich", "doi-gplx",
                "lien-thong-khai-sinh", "lien-thong-khai-tu"));
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        await(() -> showing(robot, "procedure-lltp-self"));
        assertThat(robot.lookup("#procedure-lltp-proxy").tryQuery()).isEmpty();
        assertThat(robot.lookup("#procedure-khai-sinh").tryQuery()).isPresent();

        robot.clickOn("#procedure-search").write("ly lich tu phap");
        await(() -> showing(robot, "procedure-lltp-self"));
        assertThat(robot.lookup("#procedure-lltp-proxy").tryQuery()).isEmpty();
    }
}
