package org.bootproxy.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a file while {@link AtomicFile} writes it, beside its target:
 * {@code .<target>.<pid>-<8 hex>.bootproxy-tmp}, e.g. {@code .01-52-54-00-aa-00-01.4711-9f3c01ab.bootproxy-tmp}.
 * It starts with a dot, so no root serves it; it names the process that writes it, so a later start can
 * tell a file left by a killed process from one another running bootproxy is still writing.
 *
 * @param target the target's file name (cut to 100 characters: the name is for people, the nonce makes it unique)
 * @param pid    the writing process
 * @param nonce  8 random hex digits
 */
public record TempName(String target, long pid, String nonce) {

    /** The one pattern of every temporary file bootproxy writes. */
    public static final Pattern PATTERN = Pattern.compile("\\.(.+)\\.(\\d{1,19})-([0-9a-f]{8})\\.bootproxy-tmp");

    private static final int MAX_TARGET = 100;

    public TempName {
        if (target.isEmpty() || target.indexOf('/') >= 0 || target.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("not a file name: '" + OneLine.of(target, 100) + "'");
        }
        target = target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target;
        if (pid < 0 || !nonce.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("pid " + pid + " / nonce '" + OneLine.of(nonce, 20) + "' do not make a temporary name");
        }
    }

    /** A new name for writing {@code targetFileName} from this process. */
    public static TempName fresh(String targetFileName) {
        String nonce = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return new TempName(targetFileName, ProcessHandle.current().pid(), nonce);
    }

    /** The name read back from a file name; empty when it is not a temporary file's name. */
    public static Optional<TempName> parse(String fileName) {
        Matcher m = PATTERN.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TempName(m.group(1), Long.parseLong(m.group(2)), m.group(3)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when {@code fileName} is a temporary file's name. */
    public static boolean matches(String fileName) {
        return PATTERN.matcher(fileName).matches();
    }

    public String fileName() {
        return "." + target + "." + pid + "-" + nonce + ".bootproxy-tmp";
    }

    /**
     * True when no live process is writing {@code file} (named by this): its process has ended, or it is this
     * process's own pid (a container restarts with the same pid) but the file is older than this process.
     */
    boolean abandoned(Path file) {
        ProcessHandle self = ProcessHandle.current();
        if (pid == self.pid()) {
            Optional<Instant> started = self.info().startInstant();
            try {
                return started.isPresent() && Files.getLastModifiedTime(file).toInstant().isBefore(started.get());
            } catch (java.io.IOException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    @Override
    public String toString() {
        return fileName();
    }
}
