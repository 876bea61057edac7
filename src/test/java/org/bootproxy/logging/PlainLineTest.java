package org.bootproxy.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.AppenderAttachable;
import java.net.URL;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plain log line of the shipped logback.xml. */
class PlainLineTest {
    /** The pattern before the converters: %replace with a regular expression, three times a line. */
    private static final String REGEX_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0}"
            + "%replace( mac=%X{mac}){' mac=$', ''}%replace( client=%X{client}){' client=$', ''}"
            + " - %replace(%msg){'[\\r\\n]+', ' '}%n%ex{full}";

    final LoggerContext shipped = new LoggerContext();
    final LoggerContext plain = new LoggerContext();

    @AfterEach
    void stop() {
        shipped.stop();
        plain.stop();
    }

    @Test
    void theShippedLineIsTheOneTheRegexPatternWroteWithAndWithoutMacClientAndLineBreaks() throws Exception {
        URL config = getClass().getResource("/logback.xml");
        assertThat(config).as("the shipped logback.xml on the class path").isNotNull();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(shipped);
        joran.doConfigure(config);
        PatternLayout layout = shippedLayout(shipped.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders());
        assertThat(layout).as("the console appender's pattern layout").isNotNull();

        PatternLayout regex = new PatternLayout();
        regex.setContext(plain);
        regex.setPattern(REGEX_PATTERN);
        regex.start();

        List<String> messages = List.of("GET /unattended/iPXE?mac=52:54:00:00:01:01 200 ipxe/kickstart host=web01 1ms",
                "two\nlines", "crlf\r\nand\n\n\nruns\r", "\nleading and trailing\n", "", "tab\tstays", "ünïcode\u2028");
        List<Map<String, String>> mdcs = List.of(Map.of(), Map.of("mac", "52:54:00:00:01:01"),
                Map.of("client", "192.0.2.50"), Map.of("mac", "52:54:00:00:01:01", "client", "::1", "stage", "ipxe"),
                Map.of("mac", "", "client", ""));
        int compared = 0;
        for (String message : messages) {
            for (Map<String, String> mdc : mdcs) {
                for (Throwable t : new Throwable[] {null, new IllegalStateException("boom\nsecond")}) {
                    LoggingEvent e = new LoggingEvent("org.bootproxy.Test", plain.getLogger("org.bootproxy.http.RequestLog"),
                            Level.INFO, message, t, null);
                    e.setTimeStamp(1_700_000_000_123L);
                    e.setMDCPropertyMap(new HashMap<>(mdc));
                    assertThat(layout.doLayout(e)).as("%s %s", message, mdc).isEqualTo(regex.doLayout(e));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(70);
        LoggingEvent withMac = new LoggingEvent("x", plain.getLogger("http"), Level.INFO, "a\r\nb", null, null);
        withMac.setMDCPropertyMap(Map.of("mac", "52:54:00:00:01:01", "client", "192.0.2.50"));
        assertThat(layout.doLayout(withMac)).contains(" INFO  http mac=52:54:00:00:01:01 client=192.0.2.50 - a b\n");
    }

    private static PatternLayout shippedLayout(Iterator<Appender<ILoggingEvent>> appenders) {
        while (appenders.hasNext()) {
            Appender<ILoggingEvent> a = appenders.next();
            if (a instanceof AppenderAttachable<?> wrapper) {
                @SuppressWarnings("unchecked")
                PatternLayout inner = shippedLayout(((AppenderAttachable<ILoggingEvent>) wrapper).iteratorForAppenders());
                if (inner != null) {
                    return inner;
                }
            } else if (a instanceof OutputStreamAppender<ILoggingEvent> out
                    && out.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> enc
                    && enc.getLayout() instanceof PatternLayout p) {
                return p;
            }
        }
        return null;
    }
}
