package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransferLogTest {

    @Test
    void macIsTakenFromPerHostFileNames() {
        assertThat(TransferLog.macIn("pxelinux.cfg/01-52-54-00-AA-00-01")).isEqualTo("52:54:00:aa:00:01");
        assertThat(TransferLog.macIn("grub2/grub.cfg-01-52-54-00-aa-00-01")).isEqualTo("52:54:00:aa:00:01");
        assertThat(TransferLog.macIn("grub2/grub.cfg-52:54:00:aa:00:01")).isEqualTo("52:54:00:aa:00:01");
    }

    @Test
    void otherNamesCarryNoMac() {
        assertThat(TransferLog.macIn("pxelinux.0")).isEmpty();
        assertThat(TransferLog.macIn("pxelinux.cfg/C000025B")).isEmpty();
        assertThat(TransferLog.macIn("pxelinux.cfg/default")).isEmpty();
    }
}
