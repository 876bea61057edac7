package org.bootproxy.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bootproxy.boot.BuildStarts;
import org.bootproxy.support.AtomicFile;
import org.bootproxy.support.OneLine;
import org.bootproxy.support.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each host file's host entered build with its token, on local disk: {@code <stateDir>/build-start/<host>.json}
 * holding the instant and a hash of the token (the token itself stays in the host file). Written atomically
 * ({@link AtomicFile}) the first time a host is seen in build with a token, read once per host and then kept in
 * memory; removed when the host is seen out of build. A record that cannot be read counts as none (the clock starts
 * again, with a warning); one that cannot be written leaves the clock in memory only, with a warning.
 */
public final class FileBuildStarts implements BuildStarts {
    private static final Logger LOG = LoggerFactory.getLogger(FileBuildStarts.class);
    private static final int FORMAT = 1;

    /** The JSON form of a record. */
    record Stored(int format, String host, String tokenSha256, Instant at) {
    }

    /** What is known of a host's record; {@code null} values stand for "none on disk". */
    private record Known(String tokenSha256, Instant at) {
        static final Known NONE = new Known(null, null);
    }

    private final StateFolder folder;
    private final ObjectMapper json = StateFolder.JSON;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /**
     * @param stateDir the state directory; {@code build-start/} is created in it
     * @throws UncheckedIOException naming the directory when it cannot be created
     */
    public FileBuildStarts(Path stateDir) {
        this.folder = new StateFolder(stateDir, "build-start", "build start directory");
    }

    /** Where a host's record is kept. */
    public Path fileFor(String hostName) {
        return folder.fileFor(hostName);
    }

    @Override
    public synchronized Instant firstSeen(String hostName, String token, Instant now) {
        String sha = Sha256.of(token.getBytes(StandardCharsets.UTF_8)).hex();
        Known k = known.computeIfAbsent(hostName, this::read);
        if (sha.equals(k.tokenSha256())) {
            return k.at();
        }
        Path file = fileFor(hostName);
        try {
            AtomicFile.write(file, json.writeValueAsBytes(new Stored(FORMAT, hostName, sha, now)));
            LOG.info("host {} is in build with a new token: its validity starts now ({})", hostName, file);
        } catch (IOException e) {
            LOG.warn("cannot record when host {} entered build in {} ({}: {}); its token's validity is counted from now,"
                    + " and starts again after a restart", hostName, file, e.getClass().getSimpleName(), e.getMessage());
        }
        known.put(hostName, new Known(sha, now));
        return now;
    }

    @Override
    public synchronized void forget(String hostName) {
        if (known.get(hostName) == Known.NONE) {
            return;
        }
        try {
            if (Files.deleteIfExists(fileFor(hostName))) {
                AtomicFile.syncDirectory(folder.dir());
            }
            known.put(hostName, Known.NONE);
        } catch (IOException e) {
            LOG.warn("cannot remove the build start record {} of host {} ({})", fileFor(hostName), hostName, e.getMessage());
        }
    }

    private Known read(String hostName) {
        Path file = fileFor(hostName);
        try {
            Stored s = json.readValue(Files.readAllBytes(file), Stored.class);
            if (s == null || !hostName.equals(s.host()) || s.tokenSha256() == null || s.at() == null) {
                LOG.warn("build start record {} is not {}'s or is incomplete; its token's validity starts again", file, hostName);
                return Known.NONE;
            }
            return new Known(s.tokenSha256(), s.at());
        } catch (NoSuchFileException e) {
            return Known.NONE;
        } catch (JacksonException e) {
            LOG.warn("build start record {} is not valid JSON ({}); its token's validity starts again", file,
                    OneLine.of(e.getOriginalMessage(), 300));
            return Known.NONE;
        } catch (IOException e) {
            LOG.warn("cannot read build start record {} ({}); its token's validity starts again", file, e.getMessage());
            return Known.NONE;
        }
    }

    /** For tests: the recorded start, read from disk. */
    Optional<Instant> recorded(String hostName) {
        Known k = read(hostName);
        return Optional.ofNullable(k.at());
    }
}
