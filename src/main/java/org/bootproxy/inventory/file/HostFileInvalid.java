package org.bootproxy.inventory.file;

import java.util.List;

/** A host file that cannot be turned into a host; carries every problem found, each with its line. */
final class HostFileInvalid extends Exception {
    private final transient List<HostFileProblem> problems;

    HostFileInvalid(List<HostFileProblem> problems) {
        super(problems.isEmpty() ? "invalid host file" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    List<HostFileProblem> problems() {
        return problems;
    }
}
