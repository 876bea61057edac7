package org.bootproxy.http;

import org.bootproxy.fakes.FixedInventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Each request is one log line saying MAC, host, template, status and time, with MAC and client in the MDC. */
class RequestLogLineTest {
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger httpLog = (Logger) LoggerFactory.getLogger("http");
    private HttpFixture app;

    @BeforeEach
    void capture() {
        lines.start();
        httpLog.addAppender(lines);
        app = new HttpFixture(new FixedInventory(WEB01));
    }

    @AfterEach
    void release() {
        app.close();
        httpLog.detachAppender(lines);
    }

    private ILoggingEvent lineFor(String pathPart) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            for (ILoggingEvent e : lines.list) {
                if (e.getFormattedMessage().contains(pathPart)) {
                    return e;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no log line for " + pathPart + " among " + lines.list);
    }

    @Test
    void answeredRequestIsOneLineWithEverythingAnOperatorNeeds() throws Exception {
        app.get("/unattended/iPXE?mac=" + WEB01_MAC + "&token=tok-web01", "User-Agent", "iPXE/1.21.1");
        ILoggingEvent line = lineFor("/unattended/iPXE");
        assertThat(line.getFormattedMessage())
                .matches("GET /unattended/iPXE\\?mac=52:54:00:aa:00:01&token=tok-… 200 ipxe/kickstart "
                        + "host=web01\\.example\\.com ua=iPXE/1\\.21\\.1 \\d+ms")
                .doesNotContain("tok-web01");
        assertThat(line.getMDCPropertyMap()).containsEntry("mac", WEB01_MAC.colons()).containsEntry("client", "127.0.0.1");
    }

    @Test
    void failedRequestSaysWhy() throws Exception {
        app.get("/unattended/provision?mac=52:54:00:ff:ff:ff");
        assertThat(lineFor("/unattended/provision").getFormattedMessage())
                .contains(" 404 ").contains("reason=\"no host has MAC 52:54:00:ff:ff:ff\"");
    }
}
