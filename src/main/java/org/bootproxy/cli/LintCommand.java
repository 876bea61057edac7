package org.bootproxy.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.Lint;
import org.bootproxy.config.Overrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bootproxy lint}: render everything for everyone before a machine finds the mistake. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {
            "Render every template for every host (and for the hosts the OS menu and the profiles make from groups), "
                + "and the templates any unknown machine can get for an unknown MAC; check each host's templates exist; "
                + "report broken host, group and profile files, and profiles that tie. A template fails lint when it "
                + "does not render for a host that gets it, or does not parse at all; one no host gets and that "
                + "renders for none of them is only a warning (a site with Red Hat hosts only has no host for the "
                + "Debian preseed).",
            "Lists each failure with template, line and missing value; exit code 1 when anything failed, 0 when all "
                + "is well (warnings included).",
            "Run it in CI on the git repository that holds your hosts and templates."})
final class LintCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    SiteOptions site;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Lint.Report report = lint(Components.build(common.resolve(site.over(Overrides.NONE)), BootEvents.NONE));
        report.failures().forEach(f -> out.println("FAIL " + f));
        report.warnings().forEach(w -> out.println("WARN " + w));
        out.println("lint: " + report.summary());
        return report.ok() ? 0 : 1;
    }

    /** Lints what {@code c} serves (also used by doctor). */
    static Lint.Report lint(Components c) {
        return new Lint(c.boot()).check(c.inventory().all(), c.renderer().names(), c.problems());
    }
}
