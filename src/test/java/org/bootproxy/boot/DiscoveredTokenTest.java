package org.bootproxy.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscoveredTokenTest {

    @Test
    void readsBackWhatItWritesWithNothingAUrlMustEscape() {
        DiscoveredToken t = new DiscoveredToken(DiscoveredToken.Source.GROUP, "alma-9.4_x", MacAddress.parse("52:54:00:12:34:56"));
        assertThat(t.text()).isEqualTo("bp.group.alma-9.4_x.525400123456").matches("[A-Za-z0-9._-]+");
        assertThat(DiscoveredToken.parse(t.text())).contains(t);
        assertThat(DiscoveredToken.parse("bp.profile.r640.525400123456")).map(DiscoveredToken::source)
                .contains(DiscoveredToken.Source.PROFILE);
    }

    @Test
    void anyOtherTokenIsNotOneOfOurs() {
        for (String other : new String[] {"tok-web01", "bp.group.525400123456", "bp.host.x.525400123456",
                "bp.group.x.52540012345z", "bp.group..525400123456", "bp.group.x525400123456", "", "bp."}) {
            assertThat(DiscoveredToken.parse(other)).as(other).isEmpty();
        }
    }
}
