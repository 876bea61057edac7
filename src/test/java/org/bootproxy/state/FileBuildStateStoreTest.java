package org.bootproxy.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.StateNotRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBuildStateStoreTest {

    private static final Instant AT = Instant.parse("2024-05-01T02:13:14.123456Z");

    @TempDir
    Path stateDir;

    private static BuildState built(String host, String revision) {
        return new BuildState(host, revision, BuildState.Status.BUILT, AT, "");
    }

    @Test
    void unknownHostHasNoState() {
        assertThat(new FileBuildStateStore(stateDir).get("web01.example.com")).isEmpty();
    }

    @Test
    void recordSurvivesANewStoreOnTheSameDirectory() {
        new FileBuildStateStore(stateDir).put(built("web01.example.com", "rev-1"));

        BuildState read = new FileBuildStateStore(stateDir).get("web01.example.com").orElseThrow();
        assertThat(read).isEqualTo(built("web01.example.com", "rev-1"));
        assertThat(stateDir.resolve("build-state/web01.example.com.json")).isRegularFile();
    }

    @Test
    void failureReportIsKeptByteForByte() {
        String report = "anaconda: disk sda not found\n\ttraceback: ✗ ünïcode \u0000 end";
        new FileBuildStateStore(stateDir).put(new BuildState("db01", "r", BuildState.Status.FAILED, AT, report));
        BuildState read = new FileBuildStateStore(stateDir).get("db01").orElseThrow();
        assertThat(read.status()).isEqualTo(BuildState.Status.FAILED);
        assertThat(read.report()).isEqualTo(report);
    }

    @Test
    void laterRecordReplacesTheEarlierAndLeavesNoTemporaryFiles() throws Exception {
        FileBuildStateStore store = new FileBuildStateStore(stateDir);
        store.put(new BuildState("web01", "rev-1", BuildState.Status.FAILED, AT, "boom"));
        store.put(built("web01", "rev-2"));
        assertThat(store.get("web01")).contains(built("web01", "rev-2"));
        try (Stream<Path> files = Files.list(stateDir.resolve("build-state"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("web01.json");
        }
    }

    @Test
    void deletingTheFileForgetsTheRecordAtOnce() throws Exception {
        FileBuildStateStore store = new FileBuildStateStore(stateDir);
        store.put(built("web01", "rev-1"));
        Files.delete(store.fileFor("web01"));
        assertThat(store.get("web01")).isEmpty();
    }

    @Test
    void corruptFileIsTreatedAsAbsent() throws Exception {
        FileBuildStateStore store = new FileBuildStateStore(stateDir);
        Files.writeString(store.fileFor("web01"), "{\"host\": \"web01\", \"status\": \"BUI");
        assertThat(store.get("web01")).isEmpty();
        Files.writeString(store.fileFor("web01"), "{\"host\": \"web01\", \"status\": \"MAYBE\", \"at\": \"2024-05-01T00:00:00Z\"}");
        assertThat(store.get("web01")).isEmpty();
        Files.writeString(store.fileFor("web01"), "");
        assertThat(store.get("web01")).isEmpty();
    }

    @Test
    void recordOfAnotherHostInTheFileIsIgnored() throws Exception {
        FileBuildStateStore store = new FileBuildStateStore(stateDir);
        store.put(built("web01", "rev-1"));
        Files.copy(store.fileFor("web01"), store.fileFor("web02"));
        assertThat(store.get("web02")).isEmpty();
    }

    @Test
    void hostNamesThatAreNotSafeFileNamesStayInsideTheDirectoryAndApart() {
        FileBuildStateStore store = new FileBuildStateStore(stateDir);
        store.put(built("../../etc/passwd", "a"));
        store.put(built(".._.._etc_passwd", "b"));
        store.put(built("web 01", "c"));
        assertThat(store.fileFor("../../etc/passwd").getParent()).isEqualTo(stateDir.resolve("build-state"));
        assertThat(store.get("../../etc/passwd")).map(BuildState::revision).contains("a");
        assertThat(store.get(".._.._etc_passwd")).map(BuildState::revision).contains("b");
        assertThat(store.get("web 01")).map(BuildState::revision).contains("c");
        assertThat(StateFolder.fileName("web01.example.com")).isEqualTo("web01.example.com.json");
    }

    @Test
    void aNameIsKeptAsItIsExactlyWhenItIsASafeFileName() {
        // the character test stands for [A-Za-z0-9_-][A-Za-z0-9._-]{0,199}: every edge of it, checked against it
        Pattern safe = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
        List<String> names = new ArrayList<>(List.of("", "a", ".a", "a.", "-a", "_a", "A-Z_0.9", "web 01",
                "web/01", "web\\01", "é", "web01.example.com", "a:b", "a@b", "a~b", "`", "[", "{", "/", ":", "@"));
        names.add("a".repeat(200));
        names.add("a".repeat(201));
        for (char c = 0; c < 256; c++) {
            names.add(String.valueOf(c));
            names.add("a" + c);
        }
        for (String name : names) {
            assertThat(StateFolder.safe(name)).as("'%s'", name).isEqualTo(safe.matcher(name).matches());
            assertThat(StateFolder.fileName(name).equals(name + ".json")).as("'%s'", name)
                    .isEqualTo(safe.matcher(name).matches());
        }
    }

    @Test
    void unwritableStateDirectoryIsNamed() throws Exception {
        Path file = Files.writeString(stateDir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> new FileBuildStateStore(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot create the build state directory")
                .hasMessageContaining("not-a-dir");
    }

    @Test
    void aWriteTheDiskRefusesIsStateNotRecordedNamingTheFile() throws Exception {
        FileBuildStateStore store = new FileBuildStateStore(stateDir);
        // the directory gone and a file in its place: every write fails, as on a full or read-only disk
        Path dir = stateDir.resolve("build-state");
        Files.delete(dir);
        Files.writeString(dir, "not a directory");
        assertThatThrownBy(() -> store.put(built("web01.example.com", "rev-1")))
                .isInstanceOf(StateNotRecorded.class)
                .hasMessageContaining("cannot record the build state of web01.example.com")
                .hasMessageContaining(dir.resolve("web01.example.com.json").toString());
    }
}
