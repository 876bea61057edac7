package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnswerBytesTest {

    @Test
    void aKeptAnswerHandedOutAgainIsEncodedOnceAndAnyOtherTextGetsItsOwnBytes() {
        AnswerBytes bytes = new AnswerBytes();
        String kept = "#!ipxe\necho grüße\n";
        byte[] first = bytes.of(kept);
        assertThat(first).isEqualTo(kept.getBytes(StandardCharsets.UTF_8));
        assertThat(bytes.of(kept)).isSameAs(first);

        String equalButNew = new String(kept.toCharArray()); // the same text rendered again: encoded again, not mixed up
        assertThat(bytes.of(equalButNew)).isEqualTo(first).isNotSameAs(first);
        for (int i = 0; i < 10 * AnswerBytes.SLOTS; i++) { // every slot taken by other texts, none handed a wrong one
            String other = "answer " + i;
            assertThat(bytes.of(other)).isEqualTo(other.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(bytes.of(kept)).isEqualTo(kept.getBytes(StandardCharsets.UTF_8));

        String large = "x".repeat(AnswerBytes.MAX_CHARS + 1); // not remembered
        assertThat(bytes.of(large)).hasSize(AnswerBytes.MAX_CHARS + 1).isNotSameAs(bytes.of(large));
    }
}
