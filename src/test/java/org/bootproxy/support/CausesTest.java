package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CausesTest {
    private final ConnectException refused = new ConnectException("refused");
    private final CompletionException wrapped = new CompletionException(new UncheckedIOException(refused));

    @Test
    void findsTheFirstOfTheThrowableAndItsCausesOfAType() {
        assertThat(Causes.first(wrapped, IOException.class)).containsSame(refused);
        assertThat(Causes.first(wrapped, RuntimeException.class)).containsSame(wrapped);
        assertThat(Causes.first(wrapped, IllegalStateException.class)).isEmpty();
        assertThat(Causes.first(null, IOException.class)).isEmpty();
    }

    @Test
    void aTestPassesOverCausesOfTheTypeThatFailIt() {
        IOException outer = new IOException("outer", refused);
        assertThat(Causes.first(outer, IOException.class, e -> e.getMessage().equals("refused"))).containsSame(refused);
    }

    @Test
    void theRootIsTheLastCauseOrTheThrowableItself() {
        assertThat(Causes.root(wrapped)).isSameAs(refused);
        assertThat(Causes.root(refused)).isSameAs(refused);
    }

    /** A chain some library built in a circle ends the search instead of spinning the thread that reads it. */
    @Test
    void aCircularChainEnds() {
        IOException a = new IOException("a");
        IOException b = new IOException("b", a);
        a.initCause(b);
        assertThat(Causes.first(a, IllegalStateException.class)).isEmpty();
        assertThat(Causes.root(a)).isIn(a, b);
    }
}
