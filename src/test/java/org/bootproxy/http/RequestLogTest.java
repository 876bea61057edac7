package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void buildTokensAreShortenedInTheLog() {
        assertThat(RequestLog.query("token=abcdef123456&mac=x")).isEqualTo("?token=abcd…&mac=x");
        assertThat(RequestLog.query("mac=x&TOKEN=abcdef")).isEqualTo("?mac=x&TOKEN=abcd…");
        assertThat(RequestLog.query("a=1&b=2&Token=abcdef")).isEqualTo("?a=1&b=2&Token=abcd…");
    }

    @Test
    void onlyTheTokenParameterIsShortened() {
        assertThat(RequestLog.query("mytoken=abcdef123456&mac=x")).isEqualTo("?mytoken=abcdef123456&mac=x");
        assertThat(RequestLog.query("mac=token=abcdef123456")).isEqualTo("?mac=token=abcdef123456");
    }

    @Test
    void noQueryNoQuestionMark() {
        assertThat(RequestLog.query(null)).isEmpty();
        assertThat(RequestLog.query("")).isEmpty();
    }

    @Test
    void controlCharactersCannotSplitTheLogLine() {
        assertThat(RequestLog.query("a=1\r\nFAKE LINE")).doesNotContain("\n").doesNotContain("\r");
    }
}
