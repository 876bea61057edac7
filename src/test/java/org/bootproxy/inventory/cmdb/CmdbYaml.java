package org.bootproxy.inventory.cmdb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bootproxy.cli.InventoryWiring;
import org.bootproxy.config.CmdbConfig;

/**
 * CMDB settings written the way an operator writes them: the {@code inventory.cmdb} section of a config file,
 * bound as the config loader binds it and turned into {@link CmdbSettings} as {@code serve} does.
 */
public final class CmdbYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndRegisterModules();

    private CmdbYaml() {
    }

    /** {@code yaml}: the keys under {@code inventory.cmdb}, e.g. {@code url: …} and {@code mapping: …}. */
    public static CmdbSettings settings(String yaml) {
        try {
            return InventoryWiring.cmdb(YAML.readValue(yaml, CmdbConfig.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code inventory.cmdb} of a whole config file. */
    static CmdbSettings ofConfigFile(String yaml) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            return InventoryWiring.cmdb(YAML.treeToValue(tree.at("/inventory/cmdb"), CmdbConfig.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
