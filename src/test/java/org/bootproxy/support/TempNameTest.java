package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TempNameTest {

    @Test
    void aFreshNameIsHiddenRecognisableAndNamesItsWriter() {
        TempName t = TempName.fresh("01-52-54-00-aa-00-01");
        assertThat(t.fileName()).startsWith(".01-52-54-00-aa-00-01.").endsWith(".bootproxy-tmp");
        assertThat(t.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(TempName.matches(t.fileName())).isTrue();
        assertThat(TempName.parse(t.fileName())).contains(t);
    }

    @Test
    void ordinaryAndOtherHiddenNamesAreNotTemporary() {
        for (String name : new String[] {"pxelinux.0", ".pxelinux.0.swp", ".grub.cfg.part-1f", "x.bootproxy-tmp",
                ".x.12-0badf00d.tmp", ".x.12-0BADF00D.bootproxy-tmp"}) {
            assertThat(TempName.matches(name)).as(name).isFalse();
        }
    }

    @Test
    void longTargetsAreCutSoTheNameStaysAFileName() {
        TempName t = TempName.fresh("k".repeat(240));
        assertThat(t.fileName().length()).isLessThan(140);
    }

    @Test
    void twoWritesOfOneTargetGetTwoNames() {
        assertThat(TempName.fresh("grub.cfg")).isNotEqualTo(TempName.fresh("grub.cfg"));
    }
}
