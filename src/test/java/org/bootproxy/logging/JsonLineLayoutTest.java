package org.bootproxy.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineLayoutTest {
    final LoggerContext context = new LoggerContext();
    final JsonLineLayout layout = new JsonLineLayout();

    LoggingEvent event(String message, Throwable t, Object... args) {
        LoggingEvent e = new LoggingEvent("org.bootproxy.Test", context.getLogger("http"), Level.WARN, message, t, args);
        e.setTimeStamp(1_700_000_000_123L);
        return e;
    }

    @Test
    void oneObjectOnOneLineWithTimeLevelLoggerMessageAndTheMdcFields() throws Exception {
        LoggingEvent e = event("GET {} {}", null, "/unattended/iPXE", 200);
        e.setMDCPropertyMap(Map.of("mac", "52:54:00:00:01:01", "client", "192.0.2.50", "stage", "ipxe",
                "host", "web01.example.com", "other", "not copied"));

        String line = layout.doLayout(e);

        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode n = new ObjectMapper().readTree(line);
        assertThat(n.fieldNames()).toIterable().containsExactly("time", "level", "logger", "message", "mac", "client", "stage", "host");
        assertThat(n.get("time").asText()).isEqualTo("2023-11-14T22:13:20.123Z");
        assertThat(n.get("level").asText()).isEqualTo("WARN");
        assertThat(n.get("logger").asText()).isEqualTo("http");
        assertThat(n.get("message").asText()).isEqualTo("GET /unattended/iPXE 200");
        assertThat(n.get("host").asText()).isEqualTo("web01.example.com");
    }

    @Test
    void quotesNewlinesControlCharactersAndStackTracesStayInsideTheOneLine() throws Exception {
        LoggingEvent e = event("a \"quoted\" \\ value\nsecond line\u0001", new IllegalStateException("boom"));
        e.setMDCPropertyMap(Map.of());
        String line = layout.doLayout(e);

        assertThat(line.strip()).doesNotContain("\n");
        JsonNode n = new ObjectMapper().readTree(line);
        assertThat(n.get("message").asText()).isEqualTo("a \"quoted\" \\ value\nsecond line\u0001");
        assertThat(n.get("exception").asText()).contains("IllegalStateException: boom").contains("\tat ");
        assertThat(n.has("mac")).isFalse();
    }

    @Test
    void formatNamesAreCheckedAndNamedInTheError() {
        assertThat(LogFormat.parse("JSON")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse(" plain ")).isEqualTo(LogFormat.PLAIN);
        assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessageContaining("use plain or json");
    }
}
