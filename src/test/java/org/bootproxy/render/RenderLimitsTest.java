package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bootproxy.fakes.Hosts.ALMA01;
import static org.bootproxy.render.TemplateFixtures.context;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings 5 and 6 of issue 9: a render has a time and an output limit, and endless recursion is a template
 * error like any other; each fails with one line naming the template and leaves the calling thread usable.
 */
class RenderLimitsTest {

    static final Duration LIMIT = Duration.ofMillis(300);
    /** A busy machine may be slow to notice; the point is "stopped", not "stopped on the millisecond". */
    static final Duration MARGIN = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private FreemarkerRenderer renderer(long maxOutputBytes) {
        return new FreemarkerRenderer(dir, new RenderLimits(LIMIT, maxOutputBytes));
    }

    private FreemarkerRenderer renderer() {
        return renderer(RenderLimits.DEFAULT_MAX_OUTPUT_BYTES);
    }

    private void write(String name, String text) throws IOException {
        FreemarkerRendererTest.write(dir, name, text);
    }

    private static RenderContext ipxe() {
        return context(ALMA01, TemplateKind.IPXE);
    }

    @AfterEach
    void threadIsNotLeftInterrupted() {
        assertThat(Thread.interrupted()).as("the caller's thread comes back without an interrupt").isFalse();
    }

    @Test
    void endlessLoopIsStoppedAtTheTimeLimit() throws IOException {
        write("ipxe/spin.ftl", "#!ipxe\n<#list 1.. as i></#list>\n");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> renderer().render("ipxe/spin", ipxe()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessage("ipxe/spin: still rendering after 300ms, stopped (render.time_limit): does a loop never end?");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(LIMIT).isLessThan(LIMIT.plus(MARGIN));
    }

    @Test
    void endlessLoopInAnIncludedSnippetIsStoppedToo() throws IOException {
        write("snippets/spin.ftl", "<#list 1.. as i><#if i == 0>never</#if></#list>");
        write("ipxe/uses-spin.ftl", "#!ipxe\n<#include \"/snippets/spin.ftl\">\n");
        assertThatThrownBy(() -> renderer().render("ipxe/uses-spin", ipxe()))
                .isInstanceOf(TemplateFailed.class).hasMessageContaining("ipxe/uses-spin: still rendering after 300ms");
    }

    @Test
    void endlessMacroRecursionIsATemplateErrorWithoutAStackTrace() throws IOException {
        write("ipxe/deep.ftl", "#!ipxe\n<#macro down><@down/></#macro><@down/>\n");
        assertThatThrownBy(() -> renderer().render("ipxe/deep", ipxe()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageStartingWith("ipxe/deep: recursion too deep, stopped: a macro or function calls itself without end")
                .hasNoCause();
    }

    @Test
    void endlessFunctionRecursionIsATemplateError() throws IOException {
        write("provision/deep.ftl", "<#function f n><#return f(n + 1)></#function>[=f(1)]\n");
        assertThatThrownBy(() -> renderer().render("provision/deep", context(ALMA01, TemplateKind.PROVISION)))
                .isInstanceOf(TemplateFailed.class).hasMessageContaining("provision/deep: recursion too deep");
    }

    @Test
    void outputPastTheLimitIsStopped() throws IOException {
        write("ipxe/flood.ftl", "#!ipxe\n<#list 1..100000000 as i>echo [=i]\n</#list>");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> renderer(4096).render("ipxe/flood", ipxe()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessage("ipxe/flood: output larger than 4096 bytes, stopped there (render.max_output_bytes):"
                        + " does a loop run far more often than meant?");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("stopped by size, long before the time limit").isLessThan(LIMIT);
    }

    @Test
    void outputIsCountedInUtf8Bytes() throws IOException {
        write("provision/five-hundred.ftl", "<#list 1..500 as i>é</#list>");   // 1000 bytes
        write("provision/six-hundred.ftl", "<#list 1..600 as i>é</#list>");    // 1200 bytes
        RenderContext c = context(ALMA01, TemplateKind.PROVISION);
        assertThat(renderer(1024).render("provision/five-hundred", c)).hasSize(500);
        assertThatThrownBy(() -> renderer(1024).render("provision/six-hundred", c))
                .hasMessageContaining("output larger than 1024 bytes");
    }

    @Test
    void interpretIsRefusedBecauseItsLoopsCouldNotBeStopped() throws IOException {
        write("ipxe/built.ftl", "#!ipxe\n<#assign spin = \"<#list 1.. as i></#list>\"><@spin?interpret/>\n");
        assertThatThrownBy(() -> renderer().render("ipxe/built", ipxe()))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageStartingWith("ipxe/built uses ?interpret, which bootproxy does not allow");
    }

    @Test
    void theSameRendererAndThreadRenderNormallyAfterAStoppedRender() throws IOException {
        write("ipxe/spin.ftl", "#!ipxe\n<#list 1.. as i></#list>\n");
        write("ipxe/hello.ftl", "#!ipxe\n<#list 1..3 as i>echo [=i]\n</#list>");
        FreemarkerRenderer r = renderer();
        assertThatThrownBy(() -> r.render("ipxe/spin", ipxe())).isInstanceOf(TemplateFailed.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(r.render("ipxe/hello", ipxe())).isEqualTo("#!ipxe\necho 1\necho 2\necho 3\n");
        // and a quick render is never interrupted later by a stale alarm
        for (int i = 0; i < 20; i++) {
            r.render("ipxe/hello", ipxe());
        }
        sleep(LIMIT.plusMillis(100));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void limitsAreCheckedWhenMade() {
        assertThatThrownBy(() -> new RenderLimits(Duration.ofMillis(1), 4096)).hasMessageContaining("10ms..10m");
        assertThatThrownBy(() -> new RenderLimits(LIMIT, 10)).hasMessageContaining("1024..1073741824");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
