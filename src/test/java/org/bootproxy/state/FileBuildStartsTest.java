package org.bootproxy.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When host files' hosts entered build with their tokens, kept across restarts (the start of token_duration). */
class FileBuildStartsTest {
    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");
    private static final Instant LATER = T0.plusSeconds(7200);

    @TempDir
    Path state;

    @Test
    void theFirstSightingIsRecordedAndKeptAcrossARestart() {
        FileBuildStarts starts = new FileBuildStarts(state);
        assertThat(starts.firstSeen("web01.example.com", "tok-1", T0)).isEqualTo(T0);
        assertThat(starts.firstSeen("web01.example.com", "tok-1", LATER)).isEqualTo(T0);

        FileBuildStarts restarted = new FileBuildStarts(state);
        assertThat(restarted.firstSeen("web01.example.com", "tok-1", LATER)).isEqualTo(T0);
        assertThat(restarted.fileFor("web01.example.com")).exists().content().doesNotContain("tok-1");
    }

    @Test
    void aNewTokenStartsAgainAsForemanMakesANewTokenForEachBuild() {
        FileBuildStarts starts = new FileBuildStarts(state);
        starts.firstSeen("web01.example.com", "tok-1", T0);
        assertThat(starts.firstSeen("web01.example.com", "tok-2", LATER)).isEqualTo(LATER);
        assertThat(new FileBuildStarts(state).recorded("web01.example.com")).contains(LATER);
    }

    @Test
    void leavingBuildForgetsTheRecordSoTheNextBuildStartsAgain() {
        FileBuildStarts starts = new FileBuildStarts(state);
        starts.firstSeen("web01.example.com", "tok-1", T0);
        starts.forget("web01.example.com");
        assertThat(starts.fileFor("web01.example.com")).doesNotExist();
        assertThat(starts.firstSeen("web01.example.com", "tok-1", LATER)).isEqualTo(LATER);
    }

    @Test
    void anUnreadableRecordCountsAsNoneAndIsReplaced() throws Exception {
        FileBuildStarts starts = new FileBuildStarts(state);
        Files.writeString(starts.fileFor("web01.example.com"), "{ not json");
        assertThat(new FileBuildStarts(state).firstSeen("web01.example.com", "tok-1", LATER)).isEqualTo(LATER);
        assertThat(new FileBuildStarts(state).recorded("web01.example.com")).contains(LATER);
    }
}
