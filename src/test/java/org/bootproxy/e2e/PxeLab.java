package org.bootproxy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives {@code ../shared/pxe-lab/pxe-lab} (or {@code $PXE_LAB}): each {@link #boot} starts bootproxy's jar inside a
 * fresh network namespace on 192.0.2.1 (TFTP :69, HTTP :8000), network-boots one QEMU VM against it and waits until
 * every {@code --expect} regex has matched a line of bootproxy's log or of the VM's serial console.
 * The lab needs root (namespaces, tap devices) and the Debian packages .ci/run installs (qemu-system-x86, ipxe-qemu,
 * ovmf, ipxe, pxelinux, syslinux-common, dnsmasq-base, iproute2); its test installer is built from Debian packages
 * fetched with apt-get download.
 */
final class PxeLab {
    static final String NET0 = "52:54:00:12:34:56";
    static final String NET1 = "52:54:00:12:34:57";

    private static final Pattern ROW = Pattern.compile("^\\s+(\\S+)\\s+(\\S+)\\s\\s(.*?)\\s*$");

    private final Path script;
    private final Path runsDir;

    private PxeLab(Path script, Path runsDir) {
        this.script = script;
        this.runsDir = runsDir;
    }

    /** The lab beside the checkout ({@code ../shared/pxe-lab/pxe-lab}), or {@code $PXE_LAB}; runs go to target/. */
    static PxeLab beside(Path basedir) {
        Path script = Optional.ofNullable(System.getenv("PXE_LAB")).map(Path::of)
                .orElse(basedir.resolve("../shared/pxe-lab/pxe-lab")).toAbsolutePath().normalize();
        assertThat(script).as("pxe-lab not found at " + script + ": the CI checkout has shared/ beside it;"
                + " elsewhere set PXE_LAB to the pxe-lab script").isExecutable();
        int uid;
        try {
            uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(uid).as("the end-to-end suite needs root: pxe-lab creates network namespaces and tap devices").isZero();
        Path runs = Optional.ofNullable(System.getenv("PXE_LAB_RUNS")).map(Path::of).orElse(basedir.resolve("target/pxe-lab-runs"));
        return new PxeLab(script, runs.toAbsolutePath());
    }

    /** Stages the lab's test installer ({@code vmlinuz}, {@code initrd.img}) in {@code dir}; cached by the lab. */
    void installer(Path dir) {
        Path log = runsDir.resolve("installer.out");
        int rc = execute(List.of(script.toString(), "installer", dir.toString(), "--runs-dir", runsDir.toString()), log, 600);
        assertThat(rc).as("pxe-lab installer failed:\n" + read(log)).isZero();
    }

    /** Boots one VM against bootproxy serving {@code site}; prints the lab's timeline and result. */
    Run boot(String title, Site site, Boot boot) {
        String server = "exec " + site.serve("192.0.2.1:8000", "192.0.2.1:69", Site.PUBLIC_URL).stream()
                .map(PxeLab::shellQuoted).collect(Collectors.joining(" "));
        List<String> command = new ArrayList<>(List.of(script.toString(), "run",
                "--mode", boot.mode(), "--nics", Integer.toString(boot.nics()), "--dead-nics", Integer.toString(boot.deadNics()),
                "--net", "tap", "--no-install", "--runs-dir", runsDir.toString(), "--timeout", Integer.toString(boot.timeoutSeconds()),
                // pxelinux.cfg files come from bootproxy (rendered), not from the lab
                "--pxelinux-cfg", "none",
                // wait for TFTP too in every mode: bootproxy's start-up lines (one names the iPXE URL) then come
                // before QEMU starts, so the lab's timeline does not take them for a request
                "--wait-ports", "udp:69 tcp:8000",
                "--server", server));
        command.addAll(boot.options());
        boot.expects().forEach(e -> command.addAll(List.of("--expect", e)));
        Path out = site.dir().resolve(title.replaceAll("[^A-Za-z0-9.-]+", "-") + ".pxe-lab.out");
        int rc = execute(command, out, boot.timeoutSeconds() + 120);
        Run run = new Run(title, rc, read(out), boot.expects());
        System.out.println("\n=== " + title + ": pxe-lab run --mode " + boot.mode() + " --nics " + boot.nics()
                + " --dead-nics " + boot.deadNics() + (boot.options().isEmpty() ? "" : " " + String.join(" ", boot.options()))
                + "\n" + run.summary() + "\n" + run.legend());
        return run;
    }

    /** A regex for a MAC as it appears in a URL: iPXE percent-encodes the colons, templates write them plain. */
    static String inUrl(String mac) {
        return mac.replace(":", "(:|%3A)");
    }

    /** A regex for a literal text. */
    static String literal(String text) {
        return text.replaceAll("([\\\\.\\[\\]{}()*+?^$|])", "\\\\$1");
    }

    /**
     * What to boot: the lab's --mode, the VM's NICs (the first {@code deadNics} on a dead segment), more lab options
     * ({@code --secure-boot}, {@code --efi-nbp}, {@code --http-boot-url}) and what to wait for.
     */
    record Boot(String mode, int nics, int deadNics, int timeoutSeconds, List<String> options, List<String> expects) {
        Boot {
            options = List.copyOf(options);
            expects = List.copyOf(expects);
        }

        static Boot mode(String mode) {
            return new Boot(mode, 1, 0, 120, List.of(), List.of());
        }

        Boot nics(int count, int dead) {
            return new Boot(mode, count, dead, timeoutSeconds, options, expects);
        }

        Boot timeout(int seconds) {
            return new Boot(mode, nics, deadNics, seconds, options, expects);
        }

        /** OVMF's Secure Boot build with Microsoft's keys: only signed images start. */
        Boot secureBoot() {
            return option("--secure-boot");
        }

        /** The DHCP file name of UEFI PXE clients (uefi-grub2: default grub2/grubx64.efi, grub2/shimx64.efi with Secure Boot). */
        Boot efiNbp(String file) {
            return option("--efi-nbp", file);
        }

        /** The boot file URL of UEFI HTTP Boot clients (uefi-http). */
        Boot httpBootUrl(String url) {
            return option("--http-boot-url", url);
        }

        /**
         * How long the lab waits, after every expect matched, for the VM to power off (default 5 s): 0 for a boot
         * that ends at a prompt or in the firmware's menu, where nothing is left to see.
         */
        Boot linger(int seconds) {
            return option("--linger", Integer.toString(seconds));
        }

        private Boot option(String... words) {
            List<String> more = new ArrayList<>(options);
            more.addAll(List.of(words));
            return new Boot(mode, nics, deadNics, timeoutSeconds, more, expects);
        }

        /** Also wait for {@code regex} (grep -E) in bootproxy's log or on the serial console. */
        Boot expect(String regex) {
            List<String> more = new ArrayList<>(expects);
            more.add(regex);
            return new Boot(mode, nics, deadNics, timeoutSeconds, options, more);
        }
    }

    /** One row of the lab's timeline: seconds since QEMU started ({@code NaN} when not seen), label, source. */
    record Row(double t, String label, String source) {
        boolean seen() {
            return !Double.isNaN(t);
        }
    }

    /** One finished lab run: its exit code, what it printed, and its run folder's logs. */
    record Run(String title, int exitCode, String output, List<String> expects) {

        /** The timeline section, the RESULT line and the logs line, as the lab printed them. */
        String summary() {
            int from = output.indexOf("== pxe-lab timeline");
            int logs = output.indexOf("\nlogs:", Math.max(from, 0));
            int to = logs < 0 ? -1 : output.indexOf('\n', logs + 1);
            return from < 0 ? output.stripTrailing() : output.substring(from, to < 0 ? output.length() : to).stripTrailing();
        }

        /** Which regex each "expect #N" row of the timeline is. */
        String legend() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < expects.size(); i++) {
                b.append(String.format("  expect #%d: %s%n", i + 1, expects.get(i)));
            }
            return b.toString().stripTrailing();
        }

        /** The lab's verdict on Secure Boot under the timeline of a UEFI run ("Secure Boot: ENFORCED: …"). */
        String secureBootLine() {
            return lines(output).stream().filter(l -> l.startsWith("Secure Boot:")).findFirst()
                    .orElse("Secure Boot: (no line: not a UEFI run, or the lab did not finish)");
        }

        String result() {
            return lines(output).stream().filter(l -> l.startsWith("RESULT:")).findFirst().orElse("RESULT: (none: the lab did not finish)");
        }

        Path runDir() {
            Matcher m = Pattern.compile("(?m)^logs:\\s+(\\S+)").matcher(output);
            return m.find() ? Path.of(m.group(1)) : null;
        }

        List<Row> timeline() {
            List<Row> rows = new ArrayList<>();
            boolean in = false;
            for (String l : lines(output)) {
                if (l.startsWith("== pxe-lab timeline")) {
                    in = true;
                } else if (in && l.isBlank()) {
                    break;
                } else if (in && !l.contains("+dt(s)")) {
                    Matcher m = ROW.matcher(l);
                    if (m.matches()) {
                        String rest = m.group(3);
                        String label = rest.substring(0, Math.min(44, rest.length())).strip();
                        String source = rest.length() > 44 ? rest.substring(44).strip() : "";
                        rows.add(new Row(m.group(1).equals("-") ? Double.NaN : Double.parseDouble(m.group(1)), label, source));
                    }
                }
            }
            return rows;
        }

        /** Seconds from QEMU's start until {@code regex} (one of the expects) matched. */
        double secondsUntil(String regex) {
            int i = expects.indexOf(regex);
            assertThat(i).as("not an --expect of this run: " + regex).isNotNegative();
            String label = "expect #" + (i + 1) + " ";
            return timeline().stream().filter(r -> r.label().startsWith(label) && r.seen()).mapToDouble(Row::t).findFirst()
                    .orElseThrow(() -> new AssertionError("expect #" + (i + 1) + " not in the timeline\n" + context()));
        }

        /** bootproxy's output (the run folder's server.log without the lab's arrival stamps). */
        List<String> serverLog() {
            return runFile("server.log").stream().map(l -> l.replaceFirst("^\\d+\\.\\d+ ", "")).toList();
        }

        /** The VM's serial console (serial.txt, blank lines dropped). */
        List<String> console() {
            return runFile("serial.txt").stream().filter(l -> !l.isBlank()).toList();
        }

        /** Fails with the stage the boot stopped at, the timeline and the last lines of bootproxy's log and console. */
        Run assertPassed() {
            if (exitCode != 0) {
                throw new AssertionError(title + ": " + result() + "\n" + context());
            }
            return this;
        }

        /** What to read when something about this run is wrong. */
        String context() {
            List<Row> rows = timeline();
            String stage = rows.stream().filter(Row::seen)
                    .filter(r -> !r.label().startsWith("expect #") && !r.label().startsWith("VM exited") && !r.label().startsWith("success"))
                    .reduce((a, b) -> b).map(r -> r.label() + " at " + r.t() + " s").orElse("none (the VM never got going)");
            String missing = rows.stream().filter(r -> !r.seen() && !r.label().startsWith("expect #")).map(Row::label)
                    .collect(Collectors.joining("; "));
            List<String> waiting = new ArrayList<>();
            for (int i = 0; i < expects.size(); i++) {
                String label = "expect #" + (i + 1) + " ";
                if (rows.stream().noneMatch(r -> r.label().startsWith(label) && r.seen())) {
                    waiting.add("#" + (i + 1) + " /" + expects.get(i) + "/");
                }
            }
            return "last stage reached: " + stage
                    + "\nstages not seen: " + (missing.isEmpty() ? "-" : missing)
                    + "\nexpects not matched: " + (waiting.isEmpty() ? "-" : String.join(", ", waiting))
                    + "\n" + summary()
                    + "\n" + legend()
                    + "\n--- bootproxy log, last 25 lines\n" + tail(serverLog(), 25)
                    + "\n--- serial console, last 25 lines\n" + tail(console(), 25);
        }

        private List<String> runFile(String name) {
            Path dir = runDir();
            if (dir == null || !Files.isRegularFile(dir.resolve(name))) {
                return List.of("(no " + name + ": the lab printed no run folder)");
            }
            return lines(new String(readBytes(dir.resolve(name)), StandardCharsets.UTF_8));
        }
    }

    private static String tail(List<String> lines, int n) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\r?\n", -1));
    }

    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Runs {@code command}, output and errors to {@code log}; stops it (SIGTERM: the lab tears down) after the limit. */
    private static int execute(List<String> command, Path log, int limitSeconds) {
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                Files.writeString(log, "\n(stopped by the test after " + limitSeconds + " s)\n", java.nio.file.StandardOpenOption.APPEND);
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private static String read(Path p) {
        return Files.exists(p) ? new String(readBytes(p), StandardCharsets.UTF_8) : "";
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
