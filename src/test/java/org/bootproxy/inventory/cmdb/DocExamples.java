package org.bootproxy.inventory.cmdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CMDB examples in docs/upstream.md, read from the doc itself so the doc cannot drift from what works. */
final class DocExamples {

    private DocExamples() {
    }

    /** The YAML block after {@code <!-- example: NAME -->}, with the text replacements applied. */
    static String yaml(String name, Map<String, String> replace) {
        try {
            String doc = Files.readString(Path.of("docs/upstream.md"));
            Matcher m = Pattern.compile("<!-- example: " + Pattern.quote(name) + " -->\\s*```yaml\\n(.*?)```", Pattern.DOTALL)
                    .matcher(doc);
            if (!m.find()) {
                throw new IllegalStateException("docs/upstream.md has no example named " + name);
            }
            String yaml = m.group(1);
            for (var e : replace.entrySet()) {
                yaml = yaml.replace(e.getKey(), e.getValue());
            }
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code inventory.cmdb} of that example, turned into settings exactly as bootproxy does. */
    static CmdbSettings cmdb(String name, Map<String, String> replace) {
        return CmdbYaml.ofConfigFile(yaml(name, replace));
    }
}
