package org.bootproxy.http;

import org.bootproxy.fakes.FixedInventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateRenderer;
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

    /**
     * A client that hangs up while its answer is being written (iPXE or an installer giving up, curl stopped) is one
     * request-log line saying so. It used to be an ERROR "internal error" with a stack trace, then two more from
     * Javalin for the error answer that could not be written either: a bug to look for where there was none.
     */
    @Test
    void aClientThatHangsUpMidAnswerIsOneLineSayingSoNotAnInternalError() throws Exception {
        String big = "#!ipxe\n" + "echo bootproxy\n".repeat(2_000_000); // 30 MB: more than loopback buffers hold
        TemplateRenderer bigAnswers = new TemplateRenderer() {
            @Override
            public String render(String templateName, RenderContext context) {
                return big;
            }

            @Override
            public boolean exists(String templateName) {
                return true;
            }

            @Override
            public List<String> names() {
                return List.of();
            }
        };
        app.close();
        app = new HttpFixture(new FixedInventory(WEB01), bigAnswers);
        ListAppender<ILoggingEvent> all = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        all.start();
        root.addAppender(all);
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(4096);
            client.connect(new InetSocketAddress("127.0.0.1", app.server.port()), 5000);
            client.getOutputStream().write(("GET /unattended/iPXE?mac=" + WEB01_MAC + " HTTP/1.1\r\nHost: t\r\n"
                    + "User-Agent: iPXE/1.21.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            client.getInputStream().readNBytes(1000); // the answer has begun
            client.setSoLinger(true, 0); // hang up hard: the server's next write fails
        }
        try {
            assertThat(lineFor("/unattended/iPXE").getFormattedMessage()).contains(" ipxe/kickstart ")
                    .contains("host=web01.example.com")
                    .contains("reason=\"the client closed the connection before the answer was sent\"");
            Thread.sleep(100);
            assertThat(all.list).as("nothing else said about it").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
                    && !e.getLoggerName().equals("http"));
        } finally {
            root.detachAppender(all);
        }
    }
}
