package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every template the example site and the host-file docs name exists: a newcomer copies these names (the example
 * host once named a kickstart/default that was never there).
 */
class NamedTemplatesExistTest {
    private static final Pattern NAME = Pattern.compile("\\b((?:ipxe|pxelinux|grub2|provision|finish|ignition|kickstart|preseed)"
            + "/[a-z0-9][a-z0-9-]*)\\b");

    @Test
    void everyTemplateNamedByTheExampleSiteAndItsDocsExists() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("docs/host-files.md")));
        for (String folder : List.of("hosts", "groups", "profiles")) {
            try (Stream<Path> s = Files.list(Path.of(folder))) {
                s.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
            }
        }
        FreemarkerRenderer renderer = ShippedTemplates.renderer();
        List<String> named = new ArrayList<>();
        for (Path f : files) {
            Matcher m = NAME.matcher(Files.readString(f));
            while (m.find()) {
                named.add(f + ": " + m.group(1));
            }
        }
        assertThat(named).as("the example site names templates").isNotEmpty();
        assertThat(named).allSatisfy(n -> assertThat(renderer.exists(n.substring(n.lastIndexOf(' ') + 1)))
                .as(n + " exists in templates/").isTrue());
    }
}
