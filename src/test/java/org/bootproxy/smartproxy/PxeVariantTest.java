package org.bootproxy.smartproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The file names smart-proxy writes per variant (its modules/tftp/server.rb), so both can share a TFTP root. */
class PxeVariantTest {
    static final PxeMac MAC = new PxeMac("AA:BB:CC:DD:EE:FF");

    @ParameterizedTest
    @CsvSource({"PXELinux,PXELINUX", "pxelinux,PXELINUX", "Syslinux,SYSLINUX", "PXEGrub,PXEGRUB", "PXEGrub2,PXEGRUB2",
            "iPXE,IPXE", "ZTP,ZTP", "POAP,POAP"})
    void foremansKindNamesAreMatchedWhateverTheirCase(String sent, PxeVariant expected) {
        assertThat(PxeVariant.parse(sent)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Elilo", "PXEGrub3", "", "provision"})
    void otherNamesAreNoVariant(String sent) {
        assertThat(PxeVariant.parse(sent)).isEmpty();
    }

    @Test
    void perHostFilesHaveSmartProxysNames() {
        assertThat(PxeVariant.PXELINUX.files(MAC)).containsExactly("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff");
        assertThat(PxeVariant.SYSLINUX.files(MAC)).containsExactly("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff");
        assertThat(PxeVariant.PXEGRUB.files(MAC)).containsExactly("grub/menu.lst.01AABBCCDDEEFF", "grub/01-AA-BB-CC-DD-EE-FF");
        assertThat(PxeVariant.PXEGRUB2.files(MAC)).endsWith("grub2/grub.cfg-01-aa-bb-cc-dd-ee-ff", "grub2/grub.cfg-aa:bb:cc:dd:ee:ff")
                .hasSize(5); // the host folder's three first: HostConfigFolderTest
        assertThat(PxeVariant.IPXE.files(MAC)).containsExactly("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff.ipxe");
        assertThat(PxeVariant.ZTP.files(MAC)).containsExactly("ztp.cfg/AABBCCDDEEFF", "ztp.cfg/AABBCCDDEEFF.cfg");
        assertThat(PxeVariant.POAP.files(MAC)).containsExactly("poap.cfg/AABBCCDDEEFF");
    }

    @Test
    void defaultFilesHaveSmartProxysNames() {
        assertThat(PxeVariant.PXELINUX.defaults()).containsExactly("pxelinux.cfg/default");
        assertThat(PxeVariant.PXEGRUB.defaults()).containsExactly("grub/menu.lst", "grub/efidefault");
        assertThat(PxeVariant.PXEGRUB2.defaults()).containsExactly("grub2/grub.cfg");
        assertThat(PxeVariant.IPXE.defaults()).containsExactly("pxelinux.cfg/default.ipxe");
    }

    @Test
    void macsAreTakenAsSmartProxyTakesThemAndWrittenWithTwoDigitsPerOctet() {
        assertThat(PxeMac.parse("a:b:c:d:e:f")).map(PxeMac::colons).contains("0a:0b:0c:0d:0e:0f");
        String infiniband = String.join(":", List.of("80", "00", "02", "08", "fe", "80", "00", "00", "00", "00", "00", "00",
                "00", "02", "c9", "03", "00", "0a", "0b", "0c"));
        assertThat(PxeMac.parse(infiniband)).map(m -> PxeVariant.PXELINUX.files(m).get(0))
                .contains("pxelinux.cfg/01-" + infiniband.replace(':', '-'));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aa:bb:cc:dd:ee", "aa-bb-cc-dd-ee-ff", "aabbccddeeff", "aa:bb:cc:dd:ee:ff:00", "gg:bb:cc:dd:ee:ff",
            "aa:bb:cc:dd:ee:fff", "../../etc/x"})
    void whatSmartProxyRefusesIsNoMac(String text) {
        assertThat(PxeMac.parse(text)).isEmpty();
    }
}
