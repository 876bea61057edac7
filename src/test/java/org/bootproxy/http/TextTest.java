package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void aContentTypeInJettysSpellingIsTheSameTypeAndAnotherTypeIsNot() {
        assertThat(Text.sameType(Text.PLAIN, "text/plain;charset=utf-8")).isTrue();
        assertThat(Text.sameType(Text.PLAIN, "text/plain; charset=UTF-8")).isTrue();
        assertThat(Text.sameType(Text.PLAIN, "text/plain")).isFalse();
        assertThat(Text.sameType(Text.PLAIN, "text/plain;charset=iso-8859-1")).isFalse();
        assertThat(Text.sameType("application/json; charset=utf-8", "text/plain;charset=utf-8")).isFalse();
        assertThat(Text.sameType(Text.PLAIN, null)).isFalse();
        assertThat(Text.sameType(Text.PLAIN, "")).isFalse();
    }
}
