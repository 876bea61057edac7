package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bootproxy.boot.Host;
import org.bootproxy.fakes.MutableClock;
import org.bootproxy.state.FileBuildStarts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Foreman's token_duration for host files. Foreman sets a token's expiry when the host enters build,
 * {@code Time.now.utc + Setting[:token_duration].minutes}, makes a new token for every build, deletes it when the host
 * leaves build, and a duration of 0 means tokens are not used at all (theforeman/foreman
 * {@code app/models/concerns/hostext/token.rb}: {@code set_token}, {@code expire_token}, {@code token_expired?}).
 * For a host file, entering build is the first time bootproxy reads it in build with that token.
 */
class TokenDurationTest {
    private static final String WEB01 = """
            name: web01.example.com
            build: %s
            token: %s
            interfaces:
              - mac: 52:54:00:aa:00:01
            os:
              family: Redhat
            """;

    @TempDir
    Path hosts;
    @TempDir
    Path state;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T02:00:00Z"));

    FileInventory inventory(int minutes) {
        TokenExpiry tokens = minutes == 0 ? TokenExpiry.NEVER
                : new TokenExpiry(Duration.ofMinutes(minutes), new FileBuildStarts(state));
        return new FileInventory(hosts, clock, Duration.ZERO, FileInventory.DEFAULT_MAX_FILE_BYTES, tokens);
    }

    Host web01(FileInventory inv) {
        return inv.findByToken("tok-1").or(() -> inv.findByIp("never")).orElseGet(() -> inv.all().get(0));
    }

    void write(boolean build, String token) throws Exception {
        Files.writeString(hosts.resolve("web01.yaml"), WEB01.formatted(build, token));
    }

    @Test
    void theTokenExpiresTokenDurationAfterTheHostWasFirstSeenInBuild() throws Exception {
        write(true, "tok-1");
        Instant seen = clock.instant();
        Host h = web01(inventory(360));
        assertThat(h.tokenExpires()).contains(seen.plus(Duration.ofMinutes(360)));
        assertThat(h.tokenExpired(seen.plus(Duration.ofMinutes(359)))).isFalse();
        assertThat(h.tokenExpired(seen.plus(Duration.ofMinutes(361)))).isTrue();
    }

    @Test
    void aRestartLaterKeepsTheFirstSighting() throws Exception {
        write(true, "tok-1");
        Instant seen = clock.instant();
        inventory(360);
        clock.advance(Duration.ofHours(5));
        assertThat(web01(inventory(360)).tokenExpires()).contains(seen.plus(Duration.ofMinutes(360)));
    }

    @Test
    void aNewTokenInTheFileStartsItsOwnDuration() throws Exception {
        write(true, "tok-1");
        FileInventory inv = inventory(60);
        clock.advance(Duration.ofHours(3));
        write(true, "tok-2");
        inv.rescan();
        assertThat(inv.all().get(0).tokenExpires()).contains(clock.instant().plus(Duration.ofMinutes(60)));
    }

    @Test
    void outOfBuildAndBackStartsAgain() throws Exception {
        write(true, "tok-1");
        FileInventory inv = inventory(60);
        clock.advance(Duration.ofHours(3));
        write(false, "tok-1");
        inv.rescan();
        assertThat(inv.all().get(0).tokenExpires()).as("not in build: no expiry").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        write(true, "tok-1");
        inv.rescan();
        assertThat(inv.all().get(0).tokenExpires()).contains(clock.instant().plus(Duration.ofMinutes(60)));
    }

    @Test
    void zeroMeansTokensNeverExpire() throws Exception {
        write(true, "tok-1");
        Host h = web01(inventory(0));
        assertThat(h.tokenExpires()).isEmpty();
        assertThat(h.tokenExpired(Instant.MAX)).isFalse();
    }
}
