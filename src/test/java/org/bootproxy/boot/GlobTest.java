package org.bootproxy.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void withoutWildcardsItIsAnExactMatchIgnoringCase() {
        Glob g = new Glob("Dell Inc.");
        assertThat(g.isLiteral()).isTrue();
        assertThat(g.matches("DELL INC.")).isTrue();
        assertThat(g.matches("Dell Inc")).isFalse();
        assertThat(g.matches("Dell Inc. ")).isFalse();
    }

    @Test
    void starQuestionMarkAndSetsMatchAsInAShell() {
        assertThat(new Glob("PowerEdge R6*").matches("PowerEdge R640")).isTrue();
        assertThat(new Glob("PowerEdge R6*").matches("PowerEdge R740")).isFalse();
        assertThat(new Glob("R?40").matches("R640")).isTrue();
        assertThat(new Glob("[2-4]").matches("3")).isTrue();
        assertThat(new Glob("[2-4]").matches("5")).isFalse();
        assertThat(new Glob("[!0-9]*").matches("x1")).isTrue();
        assertThat(new Glob("[!0-9]*").matches("1x")).isFalse();
        assertThat(new Glob("*").matches("")).isTrue();
    }

    @Test
    void anUnclosedSetIsRefusedSayingHowToWriteABracket() {
        assertThatThrownBy(() -> new Glob("R[64")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[[]");
    }

    @Test
    void overlapIsExact() {
        assertThat(new Glob("R6*").overlaps(new Glob("R7*"))).isFalse();
        assertThat(new Glob("R*").overlaps(new Glob("*40"))).as("R40").isTrue();
        assertThat(new Glob("R640").overlaps(new Glob("r6?0"))).isTrue();
        assertThat(new Glob("R640").overlaps(new Glob("R650"))).isFalse();
        assertThat(new Glob("[0-4]").overlaps(new Glob("[5-9]"))).isFalse();
        assertThat(new Glob("*a*").overlaps(new Glob("*b*"))).as("ab").isTrue();
    }
}
