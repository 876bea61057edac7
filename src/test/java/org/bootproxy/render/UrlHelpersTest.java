package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bootproxy.fakes.Hosts.ALMA01;
import static org.bootproxy.fakes.Hosts.C7;
import static org.bootproxy.fakes.Hosts.alma01;
import static org.bootproxy.render.TemplateFixtures.PUBLIC_URL;
import static org.bootproxy.render.TemplateFixtures.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** url(), userdata_url() and pub_url() as templates call them. */
class UrlHelpersTest {

    @TempDir
    Path dir;

    private String render(String body, org.bootproxy.boot.Host host) throws IOException {
        Files.createDirectories(dir.resolve("t"));
        Files.writeString(dir.resolve("t/x.ftl"), body);
        return new FreemarkerRenderer(dir).render("t/x", context(host, TemplateKind.PROVISION));
    }

    @Test
    void hostInBuildIsIdentifiedByToken() throws IOException {
        assertThat(render("[=url(\"provision\")]", ALMA01)).isEqualTo(PUBLIC_URL + "/unattended/provision?token=tok-alma");
    }

    @Test
    void hostNotInBuildOrWithoutTokenIsIdentifiedByProvisionMac() throws IOException {
        assertThat(render("[=url(\"iPXE\")]", alma01().inBuild(false).build())).isEqualTo(PUBLIC_URL + "/unattended/iPXE?mac=52:54:00:a1:00:02");
        assertThat(render("[=url(\"built\")]", C7)).isEqualTo(PUBLIC_URL + "/unattended/built?mac=52:54:00:00:c7:07");
    }

    @Test
    void withoutHostNothingIdentifies() throws IOException {
        assertThat(render("[=url(\"iPXE\")]", null)).isEqualTo(PUBLIC_URL + "/unattended/iPXE");
    }

    @Test
    void extraValuesAreAppendedRawInOrder() throws IOException {
        assertThat(render("[=url(\"iPXE\", {\"mac\": \"${net0/mac}\", \"n\": 3, \"b\": true} + {\"z\": \"${serial:uristring}\"})]", ALMA01))
                .isEqualTo(PUBLIC_URL + "/unattended/iPXE?token=tok-alma&mac=${net0/mac}&n=3&b=true&z=${serial:uristring}");
    }

    @Test
    void kindAndKeysCannotChangeTheUrlsShape() {
        assertThatThrownBy(() -> render("[=url(\"../pub\")]", null)).isInstanceOf(TemplateFailed.class)
                .hasMessageContaining("url(): '../pub' is not a kind name");
        assertThatThrownBy(() -> render("[=url(\"iPXE\", {\"a&b\": \"1\"})]", null)).isInstanceOf(TemplateFailed.class)
                .hasMessageContaining("'a&b' is not a usable query key");
        assertThatThrownBy(() -> render("[=url(\"iPXE\", \"mac=1\")]", null)).isInstanceOf(TemplateFailed.class)
                .hasMessageContaining("must be a hash");
        assertThatThrownBy(() -> render("[=url()]", null)).isInstanceOf(TemplateFailed.class)
                .hasMessageContaining("url() takes a kind");
    }

    @Test
    void userdataSeedEndsWithASlash() throws IOException {
        assertThat(render("[=userdata_url()]", ALMA01)).isEqualTo(PUBLIC_URL + "/userdata/52:54:00:a1:00:02/");
    }

    @Test
    void userdataSeedNeedsAHost() {
        assertThatThrownBy(() -> render("\n[=userdata_url()]", null)).isInstanceOf(TemplateFailed.class)
                .hasMessage("t/x line 2: userdata_url() needs a host, and no host was identified for this request");
    }

    @Test
    void pubUrlStaysUnderPub() throws IOException {
        assertThat(render("[=pub_url(\"images/vmlinuz\")] [=pub_url(\"/initrd.img\")]", null))
                .isEqualTo(PUBLIC_URL + "/pub/images/vmlinuz " + PUBLIC_URL + "/pub/initrd.img");
        assertThatThrownBy(() -> render("[=pub_url(\"../etc/passwd\")]", null)).isInstanceOf(TemplateFailed.class)
                .hasMessageContaining("must be a plain path below /pub/");
    }
}
