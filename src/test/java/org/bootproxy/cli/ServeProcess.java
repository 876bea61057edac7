package org.bootproxy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bootproxy serve} as its own JVM (the test's class path, {@code org.bootproxy.Main}), started in a working
 * directory of the test's choosing: for what only a real process shows (signals, exit codes, its log on stderr).
 * Close it to end it.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern HTTP_PORT = Pattern.compile("HTTP listening on [^ ]+:(\\d+) ");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    ServeProcess(Path workDir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.bootproxy.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().remove("BOOTPROXY_CONFIG");
        pb.environment().remove("BOOTPROXY_LOG_FORMAT");
        process = pb.start();
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "serve-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    long pid() {
        return process.pid();
    }

    /** The first output line matching {@code regex} (found anywhere in the line), waiting up to 60 s for it. */
    String await(String regex) throws InterruptedException {
        return awaitAfter(0, regex);
    }

    /** The first line matching {@code regex} among the lines printed after the first {@code skip} lines. */
    String awaitAfter(int skip, String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int checksAfterExit = 0;
        synchronized (lines) {
            while (true) {
                for (int i = skip; i < lines.size(); i++) {
                    if (p.matcher(lines.get(i)).find()) {
                        return lines.get(i);
                    }
                }
                // once the process is gone, give the reader a moment to hand over its last lines
                boolean gone = !process.isAlive() && ++checksAfterExit > 5;
                if (gone || System.nanoTime() > deadline) {
                    throw new AssertionError("no line matching /" + regex + "/ in serve's output (alive: " + process.isAlive()
                            + "):\n" + String.join("\n", lines));
                }
                lines.wait(200);
            }
        }
    }

    int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    List<String> outputLines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits until the server is ready and returns its HTTP base URL. */
    URI ready() throws InterruptedException {
        String line = await("HTTP listening on ");
        Matcher m = HTTP_PORT.matcher(line);
        if (!m.find()) {
            throw new AssertionError("no port in: " + line);
        }
        await("ready: ");
        return URI.create("http://127.0.0.1:" + m.group(1));
    }

    /** Sends SIGHUP, as systemctl reload does. */
    void hangup() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -HUP " + process.pid() + " failed");
        }
    }

    /** The exit code, waiting up to 60 s for the process to end by itself. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("serve still running after 60 s:\n" + output());
        }
        reader.join(10_000); // the process is gone, but its last lines may still be on their way to output()
        return process.exitValue();
    }

    /** SIGKILL, as {@code kill -9} sends it: no shutdown hook runs. Returns once the process is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("serve still running 20 s after SIGKILL");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
