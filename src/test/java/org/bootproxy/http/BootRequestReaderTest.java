package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bootproxy.boot.MacAddress;
import org.junit.jupiter.api.Test;

class BootRequestReaderTest {

    @Test
    void provisioningHeadersAreReadInTheirNumberOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RHN-Provisioning-MAC-10", "eth10 52:54:00:00:00:0a");
        headers.put("x-rhn-provisioning-mac-2", "ens2 52:54:00:00:00:02");
        headers.put("X-RHN-Provisioning-MAC-0", "eth0 52:54:00:00:00:00");
        headers.put("X-RHN-Provisioning-MAC-1", "eth1 garbage");
        headers.put("X-Other", "eth9 52:54:00:00:00:09");
        assertThat(BootRequestReader.headerMacs(headers)).containsExactly(
                MacAddress.parse("52:54:00:00:00:00"), MacAddress.parse("52:54:00:00:00:02"), MacAddress.parse("52:54:00:00:00:0a"));
    }

    @Test
    void headerWithJustAMacIsReadToo() {
        assertThat(BootRequestReader.headerMacs(Map.of("X-RHN-Provisioning-MAC-0", "52:54:00:00:00:01")))
                .containsExactly(MacAddress.parse("52:54:00:00:00:01"));
    }

    @Test
    void macListSkipsEmptyBadAndRepeatedEntries() {
        assertThat(BootRequestReader.macList("52:54:00:00:00:01,,nope,52-54-00-00-00-02,52:54:00:00:00:01"))
                .containsExactly(MacAddress.parse("52:54:00:00:00:01"), MacAddress.parse("52:54:00:00:00:02"));
        assertThat(BootRequestReader.macList(null)).isEmpty();
    }

    @Test
    void rawParamFindsTheUndecodedValue() {
        assertThat(BootRequestReader.rawParam("a=1&mac=%zz&b=2", "mac")).contains("%zz");
        assertThat(BootRequestReader.rawParam("xmac=1", "mac")).isEmpty();
        assertThat(BootRequestReader.rawParam("mac=", "mac")).isEmpty();
        assertThat(BootRequestReader.rawParam("mac=&mac=52:54:00:00:00:01", "mac")).contains("52:54:00:00:00:01");
        assertThat(BootRequestReader.rawParam("macs=a,b&mac=x&", "mac")).contains("x");
        assertThat(BootRequestReader.rawParam("a=1&mac", "mac")).isEmpty();
        assertThat(BootRequestReader.rawParam("", "mac")).isEmpty();
        assertThat(BootRequestReader.rawParam("serial=SN%201&product=PC", "product")).contains("PC");
    }
}
