package org.bootproxy.render;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bootproxy.boot.TemplateFailed;

/**
 * Templates under {@code ignition/} render Ignition configs: JSON that Ignition refuses as a whole when one quote is
 * wrong, and then the machine installs with no config at all. So their output is parsed before it is served, and
 * a template whose output is not a JSON object with {@code ignition.version} fails like any template error, naming
 * the line and column of the output. Values go in as {@code "[=value?json_string]"}.
 */
final class IgnitionJson {
    static final String FOLDER = "ignition/";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private IgnitionJson() {
    }

    static void check(String templateName, String output) {
        JsonNode root;
        try {
            root = JSON.readTree(output);
        } catch (JsonParseException e) {
            throw new TemplateFailed(templateName, templateName + ": the output is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + " of the output: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + " (write values as \"[=value?json_string]\")");
        } catch (JsonProcessingException e) {
            throw new TemplateFailed(templateName, templateName + ": the output is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("ignition").path("version").isTextual()) {
            throw new TemplateFailed(templateName, templateName + ": an Ignition config is a JSON object with"
                    + " \"ignition\": {\"version\": \"3.3.0\"}; the output has no ignition.version");
        }
    }
}
