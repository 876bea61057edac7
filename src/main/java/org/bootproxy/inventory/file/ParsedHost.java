package org.bootproxy.inventory.file;

import java.nio.file.Path;
import java.util.Map;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;

/**
 * A host read from a file, with the lines of the values that must be unique across files,
 * so a clash can be reported where it is.
 */
record ParsedHost(Path file, Host host, int nameLine, int tokenLine,
                  Map<MacAddress, Integer> macLines, Map<String, Integer> ipLines) {
    ParsedHost {
        macLines = Map.copyOf(macLines);
        ipLines = Map.copyOf(ipLines);
    }

    ParsedHost withHost(Host newHost) {
        return new ParsedHost(file, newHost, nameLine, tokenLine, macLines, ipLines);
    }
}
