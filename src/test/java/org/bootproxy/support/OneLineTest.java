package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void lineBreaksAndTabsWithTheirBlanksBecomeOneSpace() {
        assertThat(OneLine.of("not valid YAML:\n   expected ':'\r\n\tat line 3", 200))
                .isEqualTo("not valid YAML: expected ':' at line 3");
        assertThat(OneLine.of("a\u2028b\u0085c", 200)).isEqualTo("a b c");
    }

    @Test
    void otherControlCharactersBecomeQuestionMarks() {
        assertThat(OneLine.of("pxe\u0000linux\u0007.0\u007f\u009b", 200)).isEqualTo("pxe?linux?.0??");
    }

    @Test
    void whatXmlCannotHoldNeverSurvives() {
        // a TFTP client's 0xFF once reached a report as U+FFFF, which is not a legal XML character
        assertThat(OneLine.of("abort\uffff\ufffe\ufdd0 \ud800x \ufffd", 200)).isEqualTo("abort??? ?x ?");
    }

    @Test
    void ordinaryTextIsKeptAsItIs() {
        assertThat(OneLine.of("Standard PC (i440FX + PIIX, 1996) ünïcödé ✓ 😀", 200))
                .isEqualTo("Standard PC (i440FX + PIIX, 1996) ünïcödé ✓ 😀");
    }

    @Test
    void endsAreTrimmedAndNullIsEmpty() {
        assertThat(OneLine.of("  \n padded \n ", 200)).isEqualTo("padded");
        assertThat(OneLine.of(null, 200)).isEmpty();
    }

    @Test
    void longTextIsCutAndMarked() {
        assertThat(OneLine.of("abcdefghij", 4)).isEqualTo("abcd…");
        assertThat(OneLine.of("abcd", 4)).isEqualTo("abcd");
        assertThat(OneLine.of("abc d", 4)).isEqualTo("abc…");
        assertThat(OneLine.of("abcd   ", 4)).isEqualTo("abcd");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        assertThat(OneLine.of("ab😀c", 3)).isEqualTo("ab…");
    }
}
