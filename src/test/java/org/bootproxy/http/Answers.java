package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** Shared assertions on what bootproxy sends back. */
final class Answers {
    private Answers() {
    }

    /** A plain-text error: one line, no HTML, no stack trace. */
    static void assertOneLineText(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as("status of %s", r.uri()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(r.body()).endsWith("\n");
        assertThat(r.body().strip()).doesNotContain("\n");
        assertNoLeak(r.body());
    }

    static void assertNoLeak(String body) {
        assertThat(body).doesNotContainIgnoringCase("<html").doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("jetty").doesNotContain("javalin");
    }
}
