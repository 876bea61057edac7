package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.fakes.Hosts.WEB01;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.BootUrls;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;
import org.bootproxy.fakes.HostBuilder;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendered answers are reused, and never when an input that changes the answer changed: each test renders, changes
 * one input, and sees a new answer (and, where nothing changed, sees the answer reused: a cache that never hits would
 * pass every other test).
 */
class AnswerCacheTest {

    @TempDir
    Path dir;

    private static final String PROVISION = "provision/ks";

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Rewritten in place with a new time stamp: what an operator's editor does seconds later. */
    private void edit(String name, String text) throws IOException {
        rewrite(name, text);
        secondsLater();
    }

    /** Rewritten in place with a new time stamp, the renderers' clock left where it is. */
    private void rewrite(String name, String text) throws IOException {
        write(name, text);
        Files.setLastModifiedTime(dir.resolve(name), FileTime.from(Instant.now().plusSeconds(5)));
    }

    /** A template including a snippet, rendered once: "part one\ndone\n". */
    private FreemarkerRenderer renderedWithSnippet() throws IOException {
        write("snippets/part.ftl", "part one\n");
        write("provision/ks.ftl", "<#include \"/snippets/part.ftl\">done\n");
        FreemarkerRenderer r = renderer();
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("part one\ndone\n");
        return r;
    }

    /** The renderers' clock moves past {@link TemplateChecks#DEFAULT}: kept answers look at their files again. */
    private void secondsLater() {
        clock.advance(Duration.ofSeconds(5));
    }

    private final MutableClock clock = MutableClock.now();

    private FreemarkerRenderer renderer() {
        return renderer(FreemarkerRenderer.DEFAULT_ANSWER_CACHE_BYTES);
    }

    private FreemarkerRenderer renderer(long cacheBytes) {
        return new FreemarkerRenderer(dir, RenderLimits.defaults(), cacheBytes, new TemplateChecks(clock, TemplateChecks.DEFAULT));
    }

    private static BootRequest asks(MacAddress mac, String serial) {
        return new BootRequest("192.0.2.100", List.of(mac), "", false, new MachineFacts(serial, "QEMU", "PC", List.of()));
    }

    private static RenderContext context(Host host, TemplateKind kind, BootRequest request) {
        BootSettings s = TemplateFixtures.settings();
        return new RenderContext(Optional.ofNullable(host), request, kind, new BootUrls(s), s);
    }

    private static RenderContext provision(Host host) {
        return context(host, TemplateKind.PROVISION, asks(host.provisionInterface().mac(), "SN-1"));
    }

    private static long hits(FreemarkerRenderer r) {
        return r.answerStats().hits();
    }

    // ------------------------------------------------------------------ reuse

    @Test
    void sameInputsReuseTheAnswerAndEqualButNewContextsToo() throws IOException {
        write("provision/ks.ftl", "host [=host.name] rev [=host.revision]\n");
        FreemarkerRenderer r = renderer();
        String first = r.render(PROVISION, provision(WEB01));
        assertThat(r.render(PROVISION, provision(WEB01))).isSameAs(first);
        // a host read again from its file or upstream: a new object with the same values
        Host copy = HostBuilder.from(WEB01).build();
        assertThat(copy).isNotSameAs(WEB01).isEqualTo(WEB01);
        assertThat(r.render(PROVISION, provision(copy))).isSameAs(first);
        assertThat(hits(r)).isEqualTo(2);
    }

    @Test
    void requestValuesTheTemplateDoesNotReadDoNotMatter() throws IOException {
        write("provision/ks.ftl", "host [=host.name]\n");
        FreemarkerRenderer r = renderer();
        r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_MAC, "SN-1")));
        r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_SECOND_MAC, "SN-2")));
        assertThat(hits(r)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ every input that changes an answer

    @Test
    void editedTemplateGivesANewAnswer() throws IOException {
        editIsSeenOnceTheClockMoves(Duration.ofSeconds(5));
    }

    /** Renders, edits the template in place, moves the renderer's clock by {@code move}, and sees the edit. */
    private void editIsSeenOnceTheClockMoves(Duration move) throws IOException {
        write("provision/ks.ftl", "first\n");
        FreemarkerRenderer r = renderer();
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("first\n");
        rewrite("provision/ks.ftl", "second\n");
        clock.advance(move);
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("second\n");
    }

    @Test
    void editOfTheSameSizeInTheSameSecondIsSeenWhenTheFileIsReplaced() throws IOException {
        write("provision/ks.ftl", "one\n");
        FreemarkerRenderer r = renderer();
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("one\n");
        // git checkout, rsync and editors write a new file and rename it over the old one
        Path tmp = dir.resolve("provision/.ks.ftl.tmp");
        Files.writeString(tmp, "two\n");
        Files.setLastModifiedTime(tmp, Files.getLastModifiedTime(dir.resolve("provision/ks.ftl")));
        Files.move(tmp, dir.resolve("provision/ks.ftl"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(dir.resolve("provision/ks.ftl"), FileTime.from(Instant.now().plusSeconds(5)));
        secondsLater();
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("two\n");
    }

    @Test
    void editedIncludedSnippetGivesANewAnswer() throws IOException {
        FreemarkerRenderer r = renderedWithSnippet();
        edit("snippets/part.ftl", "part two\n");
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("part two\ndone\n");
    }

    @Test
    void editedImportedLibraryGivesANewAnswer() throws IOException {
        write("snippets/lib.ftl", "<#function greet>hello<#return \"a\"></#function><#function word><#return \"one\"></#function>");
        write("provision/ks.ftl", "<#import \"/snippets/lib.ftl\" as lib>[=lib.word()]\n");
        FreemarkerRenderer r = renderer();
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("one\n");
        edit("snippets/lib.ftl", "<#function word><#return \"two\"></#function>");
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("two\n");
    }

    @Test
    void optionalTemplateThatAppearsGivesANewAnswer() throws IOException {
        write("provision/ks.ftl", "<#assign t = .get_optional_template(\"/snippets/site.ftl\")>"
                + "<#if t.exists><#include \"/snippets/site.ftl\"><#else>no site part</#if>\n");
        FreemarkerRenderer r = renderer();
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("no site part\n");
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("no site part\n");
        write("snippets/site.ftl", "site part");
        secondsLater();
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("site part\n");
    }

    @Test
    void anEditIsSeenOnceItsFilesAreDueForALookAndNotBefore() throws IOException {
        // a kept answer costs no stat of its files for TemplateChecks.DEFAULT (a second) after their last look
        FreemarkerRenderer r = renderedWithSnippet();
        rewrite("snippets/part.ftl", "part two\n");
        clock.advance(TemplateChecks.DEFAULT.minusMillis(1));
        assertThat(r.render(PROVISION, provision(WEB01))).as("looked at less than a second ago").isEqualTo("part one\ndone\n");
        clock.advance(Duration.ofMillis(1));
        assertThat(r.render(PROVISION, provision(WEB01))).as("a second after the last look").isEqualTo("part two\ndone\n");
    }

    @Test
    void aClockThatWentBackLooksAtTheFilesAgain() throws IOException {
        editIsSeenOnceTheClockMoves(Duration.ofMillis(-1));
    }

    @Test
    void changedHostValueGivesANewAnswer() throws IOException {
        write("provision/ks.ftl", "[=host.params.kernelcmd]\n");
        FreemarkerRenderer r = renderer();
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("console=ttyS0\n");
        // even with the same revision: every value of the host is compared, not only what the backend calls a revision
        Host edited = HostBuilder.from(WEB01).param("kernelcmd", "console=tty0").build();
        assertThat(edited.revision()).isEqualTo(WEB01.revision());
        assertThat(r.render(PROVISION, provision(edited))).isEqualTo("console=tty0\n");
    }

    @Test
    void changedRevisionGivesANewAnswer() throws IOException {
        write("provision/ks.ftl", "rev [=host.revision]\n");
        FreemarkerRenderer r = renderer();
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("rev rev-1\n");
        assertThat(r.render(PROVISION, provision(HostBuilder.from(WEB01).revision("rev-2").build()))).isEqualTo("rev rev-2\n");
    }

    @Test
    void hostMarkedBuiltOrFailedGetsANewAnswer() throws IOException {
        // BootService hands the renderer the host with build off once a built or failed report is recorded
        write("ipxe/boot.ftl", "#!ipxe\n<#if host.build>install [=host.name]<#else>exit</#if>\n");
        FreemarkerRenderer r = renderer();
        RenderContext inBuild = context(WEB01, TemplateKind.IPXE, asks(Hosts.WEB01_MAC, ""));
        assertThat(r.render("ipxe/boot", inBuild)).isEqualTo("#!ipxe\ninstall web01.example.com\n");
        RenderContext built = context(WEB01.withBuild(false), TemplateKind.IPXE, asks(Hosts.WEB01_MAC, ""));
        assertThat(r.render("ipxe/boot", built)).isEqualTo("#!ipxe\nexit\n");
        assertThat(r.render("ipxe/boot", inBuild)).as("build enabled again").isEqualTo("#!ipxe\ninstall web01.example.com\n");
    }

    @Test
    void anotherHostGetsItsOwnAnswer() throws IOException {
        write("provision/ks.ftl", "[=host.name]\n");
        FreemarkerRenderer r = renderer();
        assertThat(r.render(PROVISION, provision(WEB01))).isEqualTo("web01.example.com\n");
        assertThat(r.render(PROVISION, provision(Hosts.ALMA01))).isEqualTo("alma01.example.com\n");
        RenderContext noHost = context(null, TemplateKind.PROVISION, asks(Hosts.UNKNOWN_MAC, ""));
        write("provision/any.ftl", "[=has_host?c]\n");
        assertThat(r.render("provision/any", noHost)).isEqualTo("false\n");
        assertThat(r.render("provision/any", provision(WEB01))).isEqualTo("true\n");
    }

    @Test
    void kindGivesANewAnswer() throws IOException {
        write("provision/ks.ftl", "[=kind]\n");
        FreemarkerRenderer r = renderer();
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_MAC, "")))).isEqualTo("provision\n");
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.FINISH, asks(Hosts.WEB01_MAC, "")))).isEqualTo("finish\n");
    }

    @Test
    void settingsAndPublicUrlGiveANewAnswer() throws IOException {
        write("provision/ks.ftl", "[=bootproxy.intermediate_nics] [=url(\"built\")]\n");
        FreemarkerRenderer r = renderer();
        BootRequest ask = asks(Hosts.WEB01_MAC, "");
        BootSettings s = TemplateFixtures.settings();
        String before = r.render(PROVISION, new RenderContext(Optional.of(WEB01), ask, TemplateKind.PROVISION, new BootUrls(s), s));
        assertThat(before).isEqualTo("8 http://192.0.2.1:8000/unattended/built?token=tok-web01\n");

        BootSettings fewerNics = new BootSettings(s.publicUrl(), 2, UnknownMachineAnswer.MESSAGE, s.familyDefaults(), 10);
        assertThat(r.render(PROVISION, new RenderContext(Optional.of(WEB01), ask, TemplateKind.PROVISION,
                new BootUrls(fewerNics), fewerNics))).startsWith("2 ");

        BootSettings moved = new BootSettings(URI.create("http://198.51.100.9:8000"), 8, UnknownMachineAnswer.MESSAGE,
                s.familyDefaults(), 10);
        assertThat(r.render(PROVISION, new RenderContext(Optional.of(WEB01), ask, TemplateKind.PROVISION,
                new BootUrls(moved), moved))).isEqualTo("8 http://198.51.100.9:8000/unattended/built?token=tok-web01\n");
    }

    @Test
    void eachRequestValueTheTemplateReadsGivesANewAnswer() throws IOException {
        write("provision/ks.ftl", "[=request.mac] [=request.serial] [=request.client_ip]\n");
        FreemarkerRenderer r = renderer();
        BootRequest base = asks(Hosts.WEB01_MAC, "SN-1");
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, base)))
                .isEqualTo("52:54:00:aa:00:01 SN-1 192.0.2.100\n");
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_SECOND_MAC, "SN-1"))))
                .isEqualTo("52:54:00:aa:00:02 SN-1 192.0.2.100\n");
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_MAC, "SN-2"))))
                .isEqualTo("52:54:00:aa:00:01 SN-2 192.0.2.100\n");
        BootRequest otherIp = new BootRequest("192.0.2.101", base.macs(), "", false, base.facts());
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, otherIp)))
                .isEqualTo("52:54:00:aa:00:01 SN-1 192.0.2.101\n");
        // and each of them again: reused now
        long before = hits(r);
        r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, base));
        r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, otherIp));
        assertThat(hits(r)).isEqualTo(before + 2);
    }

    @Test
    void everyKeyOfTheRequestTheModelHasIsTracked() throws IOException {
        // whatever keys the request hash gains, a template printing one of them gets a new answer when it changes
        FreemarkerRenderer r = renderer();
        BootRequest a = new BootRequest("192.0.2.100", List.of(Hosts.WEB01_MAC), "", false,
                new MachineFacts("S1", "M1", "P1", "u-1", "x86_64", "pcbios", List.of(Hosts.WEB01_MAC), Optional.empty()));
        BootRequest b = new BootRequest("192.0.2.101", List.of(Hosts.WEB01_SECOND_MAC, Hosts.WEB01_MAC), "", true,
                new MachineFacts("S2", "M2", "P2", "u-2", "arm64", "efi", List.of(Hosts.WEB01_SECOND_MAC),
                        Optional.of(Hosts.WEB01_SECOND_MAC)));
        for (String key : RenderModel.request(a).keySet()) {
            assertThat(RenderModel.request(a).get(key)).as("the fixtures differ in " + key).isNotEqualTo(RenderModel.request(b).get(key));
            String name = "provision/" + key;
            write(name + ".ftl", "<#assign v = request." + key + ">[=v?is_sequence?then(v?join(','), v?string)]\n");
            String first = r.render(name, context(WEB01, TemplateKind.PROVISION, a));
            assertThat(r.render(name, context(WEB01, TemplateKind.PROVISION, b))).as(key).isNotEqualTo(first);
            assertThat(r.render(name, context(WEB01, TemplateKind.PROVISION, a))).as(key).isEqualTo(first);
        }
    }

    @Test
    void listingTheRequestDependsOnAllOfIt() throws IOException {
        write("provision/ks.ftl", "<#list request as k, v><#if k == \"serial\">[=v]</#if></#list>\n");
        FreemarkerRenderer r = renderer();
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_MAC, "SN-1")))).isEqualTo("SN-1\n");
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_MAC, "SN-2")))).isEqualTo("SN-2\n");
    }

    @Test
    void readsInABranchAreTrackedPerBranch() throws IOException {
        write("provision/ks.ftl", "<#if request.serial == \"lab\">[=request.mac]<#else>plain</#if>\n");
        FreemarkerRenderer r = renderer();
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_MAC, "other")))).isEqualTo("plain\n");
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_MAC, "lab"))))
                .isEqualTo("52:54:00:aa:00:01\n");
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_SECOND_MAC, "lab"))))
                .isEqualTo("52:54:00:aa:00:02\n");
        assertThat(r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_SECOND_MAC, "x")))).isEqualTo("plain\n");
    }

    @Test
    void everyContextComponentButTheRequestIsCompared() {
        // a component added to RenderContext is compared without anyone adding it to the cache: this names them all
        List<String> compared = Arrays.stream(RenderContext.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(n -> !n.equals("request")).toList();
        RenderContext a = context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_MAC, ""));
        assertThat(compared).contains("host", "kind", "urls", "settings");
        assertThat(AnswerCache.sameExceptRequest(a, context(WEB01, TemplateKind.PROVISION, asks(Hosts.WEB01_SECOND_MAC, "x"))))
                .isTrue();
        assertThat(AnswerCache.sameExceptRequest(a, context(WEB01, TemplateKind.FINISH, asks(Hosts.WEB01_MAC, "")))).isFalse();
    }

    // ------------------------------------------------------------------ never kept, forgotten, bounded

    @Test
    void templateReadingTheClockIsRenderedEveryTime() throws IOException {
        write("provision/ks.ftl", "at [=.now?long]\n");
        FreemarkerRenderer r = renderer();
        r.render(PROVISION, provision(WEB01));
        r.render(PROVISION, provision(WEB01));
        assertThat(hits(r)).isZero();
        assertThat(r.answerStats().entries()).isZero();
    }

    @Test
    void snippetReadingTheClockMakesItsIncluderRenderEveryTime() throws IOException {
        write("snippets/stamp.ftl", "[=.now?long]");
        write("provision/ks.ftl", "<#include \"/snippets/stamp.ftl\">\n");
        FreemarkerRenderer r = renderer();
        r.render(PROVISION, provision(WEB01));
        r.render(PROVISION, provision(WEB01));
        assertThat(hits(r)).isZero();
    }

    @Test
    void forgettingAnswersRendersAfresh() throws IOException {
        write("provision/ks.ftl", "x\n");
        FreemarkerRenderer r = renderer();
        r.render(PROVISION, provision(WEB01));
        r.forgetAnswers();
        assertThat(r.answerStats().entries()).isZero();
        r.render(PROVISION, provision(WEB01));
        assertThat(hits(r)).isZero();
    }

    @Test
    void sizeZeroKeepsNothing() throws IOException {
        write("provision/ks.ftl", "x\n");
        FreemarkerRenderer r = renderer(0);
        r.render(PROVISION, provision(WEB01));
        r.render(PROVISION, provision(WEB01));
        assertThat(r.answerStats().entries()).isZero();
        assertThat(hits(r)).isZero();
    }

    @Test
    void answersAreBoundedByBytesTheLeastRecentlyUsedGoingFirst() throws IOException {
        write("provision/ks.ftl", "[=request.mac] " + "x".repeat(3000) + "\n");
        long max = 64 * 1024;
        FreemarkerRenderer r = renderer(max);
        for (int i = 0; i < 200; i++) {
            MacAddress mac = MacAddress.parse(String.format("52:54:00:77:%02x:%02x", i / 256, i % 256));
            r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(mac, "")));
        }
        AnswerCache.Stats s = r.answerStats();
        assertThat(s.bytes()).isLessThanOrEqualTo(max);
        assertThat(s.entries()).isBetween(5L, 20L);
        assertThat(s.evicted()).isEqualTo(200 - s.entries());
        // the newest is still there, the oldest is not
        long hitsBefore = hits(r);
        r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(MacAddress.parse("52:54:00:77:00:c7"), "")));
        assertThat(hits(r)).isEqualTo(hitsBefore + 1);
        r.render(PROVISION, context(WEB01, TemplateKind.PROVISION, asks(MacAddress.parse("52:54:00:77:00:00"), "")));
        assertThat(hits(r)).isEqualTo(hitsBefore + 1);
    }

    @Test
    void anAnswerTooLargeForTheCacheIsNotKept() throws IOException {
        write("provision/ks.ftl", "y".repeat(20_000) + "\n");
        FreemarkerRenderer r = renderer(64 * 1024);
        r.render(PROVISION, provision(WEB01));
        assertThat(r.answerStats().entries()).isZero();
    }
}
