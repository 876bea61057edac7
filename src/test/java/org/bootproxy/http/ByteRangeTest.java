package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void closedRange() {
        assertThat(ByteRange.of("bytes=0-99", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(0, 99)));
    }

    @Test
    void rangeEndingPastTheFileIsCut() {
        assertThat(ByteRange.of("bytes=900-5000", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(900, 999)));
    }

    @Test
    void openRangeRunsToTheEnd() {
        assertThat(ByteRange.of("bytes=10-", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(10, 999)));
    }

    @Test
    void suffixRangeIsTheLastBytes() {
        assertThat(ByteRange.of("bytes=-100", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(900, 999)));
        assertThat(ByteRange.of("bytes=-5000", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(0, 999)));
    }

    @Test
    void startPastTheEndIsUnsatisfiable() {
        assertThat(ByteRange.of("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void missingMalformedOrMultipleRangesMeanTheWholeFile() {
        assertThat(ByteRange.of(null, 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=5-1", 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=0-1,5-9", 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("items=0-1", 1000)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=-", 1000)).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void hugeNumbersDoNotOverflow() {
        assertThat(ByteRange.of("bytes=99999999999999999999999-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=0-99999999999999999999999", 1000)).isEqualTo(new ByteRange.Part(new ByteRange(0, 999)));
    }

    @Test
    void contentRangeHeader() {
        assertThat(new ByteRange(100, 199).contentRange(1000)).isEqualTo("bytes 100-199/1000");
        assertThat(new ByteRange(100, 199).length()).isEqualTo(100);
    }
}
