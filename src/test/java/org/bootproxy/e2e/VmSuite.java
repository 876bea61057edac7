package org.bootproxy.e2e;

import static org.bootproxy.e2e.PxeLab.literal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bootproxy.e2e.PxeLab.Boot;
import org.bootproxy.e2e.PxeLab.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * What every end-to-end class shares: the lab, the TFTP root filled by {@code bootproxy bootfiles} and the lab's
 * test installer under {@code /pub/} (staged once, in target/e2e/shared), a fresh {@link Site} per case, and the
 * power-on-to-milestone times each class prints at its end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VmSuite {
    private final Map<String, String> times = new LinkedHashMap<>();
    PxeLab lab;
    Path tftpRoot;
    Path pub;
    Site site;

    @BeforeAll
    void stageBootFilesAndInstaller() {
        lab = PxeLab.beside(Site.basedir());
        Path shared = Site.basedir().resolve("target/e2e/shared");
        tftpRoot = shared.resolve("tftpboot");
        pub = shared.resolve("pub");
        Site.stageBootFiles(tftpRoot);
        lab.installer(pub);
    }

    @BeforeEach
    void freshSite(TestInfo test) {
        site = Site.fresh(Site.basedir().resolve("target/e2e").resolve(test.getTestMethod().orElseThrow().getName()), tftpRoot, pub);
    }

    @AfterAll
    void printTimes() {
        StringBuilder b = new StringBuilder("\n=== end-to-end (" + getClass().getSimpleName() + "): seconds from power-on\n");
        times.forEach((name, s) -> b.append(String.format("  %-62s %s%n", name, s)));
        System.out.println(b);
    }

    /** Keeps and prints how long after power-on {@code regex} (one of the run's expects) matched. */
    double time(String title, Run run, String regex, String milestone) {
        double seconds = run.secondsUntil(regex);
        times.put(title, String.format("%6.1f s to %s", seconds, milestone));
        System.out.printf("=== %s: power-on to %s %.1f s%n", title, milestone, seconds);
        return seconds;
    }

    /**
     * Boots with {@code boot}'s expects and the installer's round trip on {@code mac} (DHCP on {@code iface}, answer
     * file from bootproxy, bootproxy records the build); keeps and prints the power-on-to-built time.
     */
    Run install(String title, Boot boot, String mac, String iface) {
        Run run = lab.boot(title, site, boot
                .expect(literal("PXE-LAB-INSTALLER: network up iface=" + iface + " mac=" + mac + " "))
                .expect(Expect.http("/unattended/provision\\?mac=" + PxeLab.inUrl(mac), 200, "provision/kickstart", Expect.HOST,
                        "pxe-lab-installer/"))
                .expect(literal("PXE-LAB-INSTALLER: answer-file url=" + Site.PUBLIC_URL + "/unattended/provision?mac=" + mac + " "))
                .expect(Expect.builtEvent(mac))
                .expect(literal("PXE-LAB-INSTALLER: built url=" + Site.PUBLIC_URL + "/unattended/built?mac=" + mac + " status=201")))
                .assertPassed();
        time(title, run, Expect.builtEvent(mac), "built");
        return run;
    }
}
