package org.bootproxy.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateKindTest {

    @Test
    void aKindIsFoundByForemansSpellingInAnyCaseWithItsAliasesAndNothingElse() {
        for (TemplateKind k : TemplateKind.values()) {
            assertThat(TemplateKind.fromName(k.foremanName())).contains(k);
            assertThat(TemplateKind.fromName(" " + k.foremanName().toUpperCase() + " ")).contains(k);
        }
        assertThat(TemplateKind.fromName("ipxe")).contains(TemplateKind.IPXE);
        assertThat(TemplateKind.fromName("gPXE")).contains(TemplateKind.IPXE);
        assertThat(TemplateKind.fromName("user-data")).contains(TemplateKind.USER_DATA);
        assertThat(TemplateKind.fromName("cloud_init")).contains(TemplateKind.CLOUD_INIT);
        assertThat(TemplateKind.fromName("ZTP")).isEmpty();
        assertThat(TemplateKind.fromName("")).isEmpty();
        assertThat(TemplateKind.fromName(null)).isEmpty();
    }
}
