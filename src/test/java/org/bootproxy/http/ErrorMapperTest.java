package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.javalin.http.Context;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.bootproxy.boot.UpstreamUnavailable;
import org.junit.jupiter.api.Test;

/** The error table itself is shown route by route (PlainTextErrorsTest, UnattendedRoutesTest, …); here, its one rule of its own. */
class ErrorMapperTest {

    /**
     * A request Jetty has recycled throws on every call. Had the mapper thrown, Javalin would have handed that to
     * its own error handling, which throws again on the same request and hands it back, on that thread for good.
     */
    @Test
    void neverThrowsEvenForARequestThatHasAlreadyEnded() {
        AtomicInteger calls = new AtomicInteger();
        Context recycled = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    calls.incrementAndGet();
                    throw new NullPointerException("the request has been recycled");
                });
        ErrorMapper errors = new ErrorMapper(7, (where, error) -> { });
        assertThatCode(() -> errors.map(new UpstreamUnavailable("Foreman did not answer"), recycled))
                .doesNotThrowAnyException();
        assertThatCode(() -> errors.map(new IllegalStateException("a bug"), recycled)).doesNotThrowAnyException();
        assertThatCode(() -> errors.map(new Text.ClientGone(new IOException("reset")), recycled))
                .doesNotThrowAnyException();
        assertThat(calls.get()).as("it did try the request").isPositive();
    }
}
