package org.bootproxy.cli;

import java.util.concurrent.Callable;
import org.bootproxy.boot.BadRequest;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.HostNotFound;
import org.bootproxy.boot.Rebuilt;
import org.bootproxy.config.Overrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bootproxy rebuild HOST|MAC}: install a host again. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {
            "Clear the build result (built or failed) bootproxy recorded for a host, so it installs again on its next",
            "network boot, as the 405 answered to its installer says. Works on the state folder directly, so a running",
            "bootproxy sees it at once (and it works when none runs); remotely: POST /api/hosts/HOST/rebuild with the",
            "management trust. The host must still be in build in the inventory (build: true in its host file).",
            "Exit code: 0 cleared or nothing to clear, 1 no such host, 2 bad arguments or config."})
final class RebuildCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "HOST|MAC", description = "The host's name (web01.example.com) or the MAC of any of its NICs")
    String host;

    @Override
    public Integer call() {
        Components c = Components.build(common.resolve(Overrides.NONE), BootEvents.NONE);
        try {
            Rebuilt r = c.boot().rebuild(host);
            System.out.println(r.describe());
            return 0;
        } catch (HostNotFound e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (BadRequest e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
