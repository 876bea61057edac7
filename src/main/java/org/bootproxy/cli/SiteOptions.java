package org.bootproxy.cli;

import org.bootproxy.config.Overrides;
import picocli.CommandLine.Option;

/** The folders a site defines beside its hosts: host groups and the profiles for unknown machines. */
final class SiteOptions {

    @Option(names = "--groups", paramLabel = "DIR",
            description = "Folder of host groups: NAME.yaml holds the settings of the hosts that say group: NAME"
                    + " (config key: groups). Default: groups beside the hosts folder")
    String groups;

    @Option(names = "--profiles", paramLabel = "DIR",
            description = "Folder of profiles: what machines in no inventory get, by what they report"
                    + " (config key: profiles). Default: profiles beside the hosts folder")
    String profiles;

    Overrides over(Overrides flags) {
        return flags.withSite(groups, profiles);
    }
}
