package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bootproxy.fakes.Hosts.FCOS01;
import static org.bootproxy.fakes.Hosts.fcos01;
import static org.bootproxy.render.TemplateFixtures.PUBLIC_URL;
import static org.bootproxy.render.TemplateFixtures.context;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.Subnet;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fedora CoreOS: the iPXE script boots the live image as Fedora's "Live ISO and PXE image reference" says, and the
 * Ignition config is valid JSON that Ignition's own validator accepts, whatever the host's values hold.
 */
class CoreosTemplatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUILD = "https://builds.coreos.fedoraproject.org/prod/streams/stable/builds/39.20240112.3.0/x86_64";

    private final FreemarkerRenderer renderer = ShippedTemplates.renderer();

    @TempDir
    Path tmp;

    private String render(String template, TemplateKind kind, Host host) {
        return renderer.render(template, context(host, kind));
    }

    @Test
    void ipxeBootsTheLiveImageAndInstallsWithTheIgnitionConfig() {
        String script = render("ipxe/coreos", TemplateKind.IPXE, FCOS01);
        // file names as Foreman's Fcos family has them (app/models/operatingsystems/fcos.rb)
        assertThat(script).contains("kernel " + BUILD + "/fedora-coreos-39.20240112.3.0-live-kernel-x86_64 initrd=main"
                        + " coreos.live.rootfs_url=" + BUILD + "/fedora-coreos-39.20240112.3.0-live-rootfs.x86_64.img"
                        + " coreos.inst.install_dev=/dev/sda coreos.inst.ignition_url=" + PUBLIC_URL
                        + "/unattended/ignition?token=tok-fcos ip=dhcp || goto failed\n")
                .contains("initrd --name main " + BUILD + "/fedora-coreos-39.20240112.3.0-live-initramfs.x86_64.img || goto failed\n")
                .doesNotContain("ignition.config.url");
    }

    @Test
    void liveModeRunsFromRamWithIgnitionFirstbootOnMetal() {
        String script = render("ipxe/coreos", TemplateKind.IPXE, fcos01().param("coreos_live", "true")
                .param("kernel_url", PUBLIC_URL + "/pub/k").param("initrd_url", PUBLIC_URL + "/pub/i")
                .param("rootfs_url", PUBLIC_URL + "/pub/r").build());
        assertThat(script).contains("kernel " + PUBLIC_URL + "/pub/k initrd=main coreos.live.rootfs_url=" + PUBLIC_URL
                + "/pub/r ignition.firstboot ignition.platform.id=metal ignition.config.url=" + PUBLIC_URL
                + "/unattended/ignition?token=tok-fcos ip=dhcp || goto failed\n")
                .contains("initrd --name main " + PUBLIC_URL + "/pub/i ")
                .doesNotContain("coreos.inst.");
    }

    @Test
    void ignitionConfigIsValidAndSetsUsersHostnameAndTheBuiltUnit() throws Exception {
        String config = render("ignition/coreos", TemplateKind.IGNITION, FCOS01);
        IgnitionValidate.assertValid(config);
        JsonNode root = JSON.readTree(config);
        assertThat(root.at("/ignition/version").asText()).isEqualTo("3.3.0");
        assertThat(root.at("/passwd/users/0/name").asText()).isEqualTo("core");
        assertThat(root.at("/passwd/users/0/sshAuthorizedKeys")).hasSize(2);
        assertThat(root.at("/storage/files/0/path").asText()).isEqualTo("/etc/hostname");
        assertThat(root.at("/storage/files/0/contents/source").asText()).isEqualTo("data:,fcos01.example.com");
        String unit = root.at("/systemd/units/0/contents").asText();
        assertThat(unit).contains("ExecStart=/usr/bin/curl -fsS --retry 10 --retry-delay 5 --retry-all-errors -o /dev/null '"
                + PUBLIC_URL + "/unattended/built?token=tok-fcos'\n")
                .as("never from the live system, which runs the installer").contains("ConditionKernelCommandLine=!coreos.live.rootfs_url");
    }

    @Test
    void valuesWithQuotesBackslashesAndLineBreaksStayValidJson() throws Exception {
        Host hostile = fcos01().param("root_password_hash", "$6$a\"b\\c\nd}").param("ssh_authorized_keys",
                "ssh-ed25519 AAAA \"quoted\" \\ back\tslash\r\nssh-rsa BBBB </script>").build();
        String config = render("ignition/coreos", TemplateKind.IGNITION, hostile);
        IgnitionValidate.assertValid(config);
        JsonNode user = JSON.readTree(config).at("/passwd/users/0");
        assertThat(user.get("passwordHash").asText()).isEqualTo("$6$a\"b\\c\nd}");
        assertThat(user.get("sshAuthorizedKeys").get(0).asText()).isEqualTo("ssh-ed25519 AAAA \"quoted\" \\ back\tslash");
        assertThat(user.get("sshAuthorizedKeys").get(1).asText()).isEqualTo("ssh-rsa BBBB </script>");
    }

    @Test
    void aStaticSubnetGetsANetworkManagerProfileForTheProvisioningNic() throws Exception {
        Host host = fcos01().onlyNic(FCOS01.provisionInterface().mac(), "192.0.2.90")
                .subnet(new Subnet("255.255.255.0", "192.0.2.1", List.of("192.0.2.53", "192.0.2.54"), "static")).build();
        String config = render("ignition/coreos", TemplateKind.IGNITION, host);
        IgnitionValidate.assertValid(config);
        JsonNode file = JSON.readTree(config).at("/storage/files/1");
        assertThat(file.get("path").asText()).isEqualTo("/etc/NetworkManager/system-connections/bootproxy-provision.nmconnection");
        assertThat(file.get("mode").asInt()).isEqualTo(0600);
        String profile = java.net.URLDecoder.decode(file.at("/contents/source").asText().substring("data:,".length()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(profile).contains("mac-address=52:54:00:00:fc:01\n").contains("addresses=192.0.2.90/24\n")
                .contains("gateway=192.0.2.1\n").contains("dns=192.0.2.53;192.0.2.54;\n");
    }

    @Test
    void outputThatIsNotJsonIsRefusedNamingItsLineAndColumn() throws Exception {
        Path dir = tmp.resolve("templates/ignition");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("broken.ftl"), "{\n  \"ignition\": {\"version\": \"3.3.0\"},\n  \"x\": \"[=host.name]\"\"\n}\n");
        FreemarkerRenderer mine = new FreemarkerRenderer(tmp.resolve("templates"));
        assertThatThrownBy(() -> mine.render("ignition/broken", context(FCOS01, TemplateKind.IGNITION)))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageStartingWith("ignition/broken: the output is not valid JSON at line 3")
                .hasMessageContaining("?json_string");
        Files.writeString(dir.resolve("noversion.ftl"), "{\"passwd\": {}}\n");
        assertThatThrownBy(() -> mine.render("ignition/noversion", context(FCOS01, TemplateKind.IGNITION)))
                .hasMessageContaining("no ignition.version");
    }
}
