package org.bootproxy.inventory.file;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.Nic;

/** Writes a {@link Host} as a host file, the way an operator would. */
final class HostFileWriter {
    private static final YAMLMapper YAML = new YAMLMapper();

    private HostFileWriter() {
    }

    static Path write(Path dir, Host host) throws IOException {
        return Files.writeString(dir.resolve(host.name() + ".yaml"), yaml(host));
    }

    static String yaml(Host host) throws IOException {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", host.name());
        file.put("build", host.build());
        if (!host.token().isEmpty()) {
            file.put("token", host.token());
        }
        file.put("interfaces", host.interfaces().stream().map(HostFileWriter::nic).toList());
        Map<String, Object> os = new LinkedHashMap<>();
        os.put("name", host.os().name());
        os.put("family", host.os().family());
        os.put("major", host.os().major());
        os.put("minor", host.os().minor());
        os.put("arch", host.os().arch());
        os.put("release_name", host.os().releaseName());
        file.put("os", os);
        file.put("medium", host.medium());
        file.put("subnet", Map.of("mask", host.subnet().mask(), "gateway", host.subnet().gateway(),
                "dns", List.copyOf(host.subnet().dns()), "boot_mode", host.subnet().bootMode()));
        file.put("params", host.params());
        Map<String, String> templates = new LinkedHashMap<>();
        host.templates().forEach((kind, name) -> templates.put(kind.foremanName(), name));
        file.put("templates", templates);
        return YAML.writeValueAsString(file);
    }

    private static Map<String, Object> nic(Nic n) {
        Map<String, Object> nic = new LinkedHashMap<>();
        nic.put("mac", n.mac().colons());
        nic.put("ip", n.ip());
        nic.put("identifier", n.identifier());
        nic.put("provision", n.provision());
        return nic;
    }
}
