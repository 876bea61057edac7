package org.bootproxy;

import org.bootproxy.cli.RootCommand;
import org.bootproxy.cli.VersionProvider;
import org.bootproxy.config.ConfigException;
import picocli.CommandLine;

/** Entry point: parses the command line and runs the chosen command. Wiring lives in {@code cli/}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new RootCommand());
        // wide enough that option names and HOST:PORT labels are not broken; a wider terminal gets its width
        cli.setUsageHelpWidth(100);
        cli.setUsageHelpAutoWidth(true);
        // every command answers -V/--version (picocli prints nothing for a command without a version provider)
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new VersionProvider()));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println("bootproxy: configuration error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
