package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bootproxy.fakes.Hosts.ALMA01;
import static org.bootproxy.render.TemplateFixtures.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.TemplateNotFound;
import org.bootproxy.fakes.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreemarkerRendererTest {

    @TempDir
    Path dir;

    private FreemarkerRenderer renderer() {
        return new FreemarkerRenderer(dir);
    }

    private void write(String name, String text) throws IOException {
        write(dir, name, text);
    }

    /** Writes a template (or any file) under a templates folder, creating its directories. */
    static void write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static RenderContext provisionFor() {
        return context(ALMA01, TemplateKind.PROVISION);
    }

    // ------------------------------------------------------------------ names and lookup

    @Test
    void templateNameMapsToFtlFileUnderTheFolder() throws IOException {
        write("ipxe/hello.ftl", "#!ipxe\necho [=host.name]\n");
        assertThat(renderer().render("ipxe/hello", context(ALMA01, TemplateKind.IPXE)))
                .isEqualTo("#!ipxe\necho alma01.example.com\n");
    }

    @Test
    void namesAreSortedWithoutSuffixAndWithoutSnippets() throws IOException {
        write("pxelinux/default.ftl", "x");
        write("ipxe/menu.ftl", "x");
        write("ipxe/intermediate.ftl", "x");
        write("snippets/lib.ftl", "x");
        write("README.md", "not a template");
        write(".git/HEAD.ftl", "hidden");
        assertThat(renderer().names()).containsExactly("ipxe/intermediate", "ipxe/menu", "pxelinux/default");
    }

    @Test
    void snippetsAndOddNamesDoNotExist() throws IOException {
        write("snippets/lib.ftl", "x");
        write("ipxe/menu.ftl", "x");
        FreemarkerRenderer r = renderer();
        assertThat(r.exists("ipxe/menu")).isTrue();
        assertThat(r.exists("snippets/lib")).isFalse();
        assertThat(r.exists("ipxe/menu.ftl")).isFalse();
        assertThat(r.exists("ipxe/../ipxe/menu")).isFalse();
        assertThat(r.exists("/ipxe/menu")).isFalse();
        assertThat(r.exists("ipxe\\menu")).isFalse();
        assertThat(r.exists("")).isFalse();
        assertThat(r.exists(null)).isFalse();
    }

    @Test
    void unknownTemplateIsNotFoundNamingTheFileRelativeToTheFolder() throws IOException {
        // the message reaches installers as a 404 body: it names the file, never where the folder is
        assertThatThrownBy(() -> renderer().render("ipxe/nope", provisionFor()))
                .isInstanceOf(TemplateNotFound.class)
                .hasMessageContaining("ipxe/nope.ftl in the templates folder")
                .hasMessageNotContaining(dir.toString())
                .hasMessageNotContaining(dir.toRealPath().toString());
    }

    @Test
    void snippetsAndBadNamesAreNotRenderedDirectly() throws IOException {
        write("snippets/lib.ftl", "x");
        assertThatThrownBy(() -> renderer().render("snippets/lib", provisionFor()))
                .isInstanceOf(TemplateNotFound.class).hasMessage("snippets/lib is a snippet, only for <#include> and <#import> in templates");
        assertThatThrownBy(() -> renderer().render("../etc/passwd", provisionFor()))
                .isInstanceOf(TemplateNotFound.class).hasMessageStartingWith("'../etc/passwd' is not a template name");
    }

    @Test
    void missingFolderIsRejectedAtStart() {
        assertThatThrownBy(() -> new FreemarkerRenderer(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("templates folder")
                .hasMessageContaining("missing");
    }

    // ------------------------------------------------------------------ strictness

    @Test
    void missingValueFailsNamingTemplateLineAndVariable() throws IOException {
        write("provision/ks.ftl", "# kickstart\nurl --url=[=medium]\n\nkernel [=host.params.kernel_args]\n");
        assertThatThrownBy(() -> renderer().render("provision/ks", provisionFor()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessage("provision/ks line 4: host.params.kernel_args is missing")
                .satisfies(e -> assertThat(((TemplateFailed) e).template()).isEqualTo("provision/ks"));
    }

    @Test
    void hostValueWithoutHostSaysNoHostWasIdentified() throws IOException {
        write("ipxe/x.ftl", "#!ipxe\necho [=host.name]\n");
        assertThatThrownBy(() -> renderer().render("ipxe/x", context(null, TemplateKind.IPXE)))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageStartingWith("ipxe/x line 2: host is missing")
                .hasMessageContaining("no host was identified");
    }

    @Test
    void failureInAnIncludedSnippetNamesSnippetAndIncluder() throws IOException {
        write("snippets/opts.ftl", "\n[=params.nope]\n");
        write("provision/ks.ftl", "a\n<#include \"/snippets/opts.ftl\">\n");
        assertThatThrownBy(() -> renderer().render("provision/ks", provisionFor()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessage("snippets/opts line 2 (included by provision/ks): params.nope is missing");
    }

    @Test
    void stopDirectiveMessageReachesTheOperator() throws IOException {
        write("provision/ks.ftl", "a\n<#stop \"set the host's medium\">\n");
        assertThatThrownBy(() -> renderer().render("provision/ks", provisionFor()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessage("provision/ks line 2: set the host's medium");
    }

    @Test
    void wrongTypeFailsOnOneLine() throws IOException {
        write("provision/ks.ftl", "[=host.interfaces]\n");
        assertThatThrownBy(() -> renderer().render("provision/ks", provisionFor()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageStartingWith("provision/ks line 1: ")
                .hasMessageContaining("host.interfaces")
                .hasMessageNotContaining("\n");
    }

    @Test
    void syntaxErrorNamesTemplateLineAndProblem() throws IOException {
        write("provision/ks.ftl", "one\ntwo\n<#if has_host>\nthree\n");
        assertThatThrownBy(() -> renderer().render("provision/ks", provisionFor()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageStartingWith("provision/ks line ")
                .hasMessageContaining("syntax error")
                .hasMessageContaining("#if")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("at freemarker");
    }

    @Test
    void syntaxErrorInASnippetNamesTheSnippetsLine() throws IOException {
        write("snippets/lib.ftl", "a\nb\n<#if has_host>\n");
        write("provision/ks.ftl", "one\n<#import \"/snippets/lib.ftl\" as lib>\n");
        assertThatThrownBy(() -> renderer().render("provision/ks", provisionFor()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageStartingWith("snippets/lib line 3 (included by provision/ks): syntax error: ")
                .hasMessageContaining("#if");
    }

    @Test
    void syntaxErrorInAnUnclosedInterpolationNamesTheLine() throws IOException {
        write("provision/ks.ftl", "ok\n[=host.name\n");
        assertThatThrownBy(() -> renderer().render("provision/ks", provisionFor()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageMatching("provision/ks line [23]: syntax error: .+");
    }

    @Test
    void iPxeOutputMustStartWithTheMagicLine() throws IOException {
        write("ipxe/bad.ftl", "\n#!ipxe\necho hi\n");
        assertThatThrownBy(() -> renderer().render("ipxe/bad", context(ALMA01, TemplateKind.IPXE)))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageContaining("ipxe/bad")
                .hasMessageContaining("must start with #!ipxe");
    }

    @Test
    void leadingCommentAndByteOrderMarkDoNotPrecedeTheMagicLine() throws IOException {
        write("ipxe/ok.ftl", "\uFEFF<#-- explains the script -->\n#!ipxe\necho ok\n");
        assertThat(renderer().render("ipxe/ok", context(ALMA01, TemplateKind.IPXE))).isEqualTo("#!ipxe\necho ok\n");
    }

    @Test
    void dollarBraceIsLeftForIpxeAndShell() throws IOException {
        write("ipxe/s.ftl", "#!ipxe\nisset ${net0/mac} && echo [=host.shortname] ${HOME}\n");
        assertThat(renderer().render("ipxe/s", context(ALMA01, TemplateKind.IPXE)))
                .isEqualTo("#!ipxe\nisset ${net0/mac} && echo alma01 ${HOME}\n");
    }

    // ------------------------------------------------------------------ sandbox

    @Test
    void newBuiltInIsBlocked() throws IOException {
        write("provision/x.ftl", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>[=ex(\"id\")]\n");
        assertThatThrownBy(() -> renderer().render("provision/x", provisionFor()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageStartingWith("provision/x line 1: ")
                .hasMessageContaining("not allowed");
    }

    @Test
    void apiBuiltInIsBlocked() throws IOException {
        write("provision/x.ftl", "[=params?api.size()]\n");
        assertThatThrownBy(() -> renderer().render("provision/x", provisionFor()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageStartingWith("provision/x line 1: ")
                .hasMessageContaining("api_builtin_enabled");
    }

    @Test
    void javaMethodsOfValuesAreNotReachable() throws IOException {
        write("provision/x.ftl", "[=host.name.getClass().getName()]\n");
        assertThatThrownBy(() -> renderer().render("provision/x", provisionFor()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageStartingWith("provision/x line 1: ")
                .hasMessageNotContaining("java.lang.String");
        write("provision/y.ftl", "[=url.class!\"none\"] [=(url.getClass)!\"none\"]\n");
        assertThatThrownBy(() -> renderer().render("provision/y", provisionFor()))
                .isInstanceOf(TemplateFailed.class);
    }

    @Test
    void includeCannotBackOutOfTheFolder() throws IOException {
        Path outside = dir.resolve("outside.txt");
        Files.writeString(outside, "SECRET");
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates.resolve("provision"));
        Files.writeString(templates.resolve("provision/x.ftl"), "<#include \"../outside.txt\">\n");
        Files.writeString(templates.resolve("provision/y.ftl"), "<#include \"../../outside.txt\">\n");
        Files.writeString(templates.resolve("provision/z.ftl"), "<#include \"/../outside.txt\">\n");
        FreemarkerRenderer r = new FreemarkerRenderer(templates);
        for (String name : new String[] {"provision/x", "provision/y", "provision/z"}) {
            assertThatThrownBy(() -> r.render(name, provisionFor()))
                    .isInstanceOf(TemplateFailed.class)
                    .hasMessageStartingWith(name + " line 1: ")
                    .hasMessageNotContaining("SECRET");
        }
    }

    @Test
    void symlinkLeadingOutOfTheFolderIsNotATemplate() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.ftl"), "SECRET\n");
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.createDirectories(templates.resolve("snippets"));
        Files.createDirectories(templates.resolve("provision"));
        Files.createSymbolicLink(templates.resolve("provision/linked.ftl"), outside.resolve("secret.ftl"));
        Files.createSymbolicLink(templates.resolve("snippets/linked.ftl"), outside.resolve("secret.ftl"));
        Files.writeString(templates.resolve("provision/includer.ftl"), "<#include \"/snippets/linked.ftl\">\n");
        FreemarkerRenderer r = new FreemarkerRenderer(templates);

        assertThat(r.exists("provision/linked")).isFalse();
        assertThat(r.names()).containsExactly("provision/includer");
        assertThatThrownBy(() -> r.render("provision/linked", provisionFor())).isInstanceOf(TemplateNotFound.class);
        assertThatThrownBy(() -> r.render("provision/includer", provisionFor()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageStartingWith("provision/includer line 1: ")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void errorsAClientSeesNeverShowWhereTheFolderIs() throws IOException {
        // finding 11: these messages are 404/500 bodies and iPXE retry scripts; the folder's path is nobody's business
        Path real = Files.createDirectories(dir.resolve("srv/templates"));
        Path configured = Files.createSymbolicLink(dir.resolve("templates-link"), real);
        Files.createDirectories(real.resolve("provision"));
        Files.writeString(real.resolve("provision/missing-snippet.ftl"), "<#include \"/snippets/nope.ftl\">\n");
        Files.writeString(real.resolve("provision/bad-value.ftl"), "[=host.params.nope]\n");
        FreemarkerRenderer r = new FreemarkerRenderer(configured);

        for (String name : new String[] {"provision/missing-snippet", "provision/bad-value", "provision/absent"}) {
            assertThatThrownBy(() -> r.render(name, provisionFor())).as(name)
                    .hasMessageContaining(name)
                    .hasMessageNotContaining(dir.toString())
                    .hasMessageNotContaining(dir.toRealPath().toString());
        }
    }

    @Test
    void symlinkInsideTheFolderIsFollowed() throws IOException {
        write("provision/real.ftl", "real [=host.shortname]\n");
        Files.createSymbolicLink(dir.resolve("provision/alias.ftl"), dir.resolve("provision/real.ftl"));
        assertThat(renderer().render("provision/alias", provisionFor())).isEqualTo("real alma01\n");
    }

    // ------------------------------------------------------------------ hot reload

    private final MutableClock clock = MutableClock.now();

    /** A renderer on {@link #clock}: template files found unchanged are looked at again a second later. */
    private FreemarkerRenderer clocked() {
        return new FreemarkerRenderer(dir, RenderLimits.defaults(), FreemarkerRenderer.DEFAULT_ANSWER_CACHE_BYTES,
                new TemplateChecks(clock, TemplateChecks.DEFAULT));
    }

    @Test
    void editsApplyWithinASecondWithoutRestart() throws IOException {
        write("provision/ks.ftl", "first [=host.shortname]\n");
        FreemarkerRenderer r = clocked();
        assertThat(r.render("provision/ks", provisionFor())).isEqualTo("first alma01\n");

        write("provision/ks.ftl", "second [=host.shortname]\n");
        // an operator's edit comes seconds later; make sure the time stamp differs even on coarse file systems
        Files.setLastModifiedTime(dir.resolve("provision/ks.ftl"), FileTime.from(Instant.now().plusSeconds(5)));
        clock.advance(TemplateChecks.DEFAULT);
        assertThat(r.render("provision/ks", provisionFor())).isEqualTo("second alma01\n");
    }

    @Test
    void newAndDeletedTemplatesAreSeenWithoutRestart() throws IOException {
        FreemarkerRenderer r = clocked();
        assertThat(r.exists("ipxe/new")).isFalse();
        write("ipxe/new.ftl", "#!ipxe\n");
        assertThat(r.exists("ipxe/new")).isTrue();
        assertThat(r.names()).contains("ipxe/new");
        assertThat(r.render("ipxe/new", context(null, TemplateKind.IPXE))).isEqualTo("#!ipxe\n");
        Files.delete(dir.resolve("ipxe/new.ftl"));
        clock.advance(TemplateChecks.DEFAULT); // a template found is looked at again a second later
        assertThat(r.exists("ipxe/new")).isFalse();
        assertThatThrownBy(() -> r.render("ipxe/new", context(null, TemplateKind.IPXE))).isInstanceOf(TemplateNotFound.class);
    }

    @Test
    void brokenEditIsReportedAndTheFixIsPickedUp() throws IOException {
        write("provision/ks.ftl", "<#if>\n");
        FreemarkerRenderer r = renderer();
        assertThatThrownBy(() -> r.render("provision/ks", provisionFor())).isInstanceOf(TemplateFailed.class);
        write("provision/ks.ftl", "fixed\n");
        Files.setLastModifiedTime(dir.resolve("provision/ks.ftl"), FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(r.render("provision/ks", provisionFor())).isEqualTo("fixed\n");
    }
}
