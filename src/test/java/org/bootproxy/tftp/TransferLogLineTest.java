package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A rendered file's log line names its template and host, so the log alone tells what a machine was given. */
class TransferLogLineTest extends ServerHarness {
    @RegisterExtension
    final TransferLogLines lines = new TransferLogLines();

    private String lineFor(String file) throws Exception {
        try (RawClient c = client()) {
            c.download(file);
        }
        eventFor(file);
        return lines.list().stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(" " + file + " "))
                .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no log line for " + file + " in " + lines.list()));
    }

    @Test
    void renderedConfigLineNamesTemplateAndHost() throws Exception {
        start();
        assertThat(lineFor("pxelinux.cfg/01-52-54-00-aa-00-01"))
                .startsWith("tftp ok pxelinux.cfg/01-52-54-00-aa-00-01 ")
                .endsWith(" source=rendered template=pxelinux/chain-ipxe host=web01.example.com");
        assertThat(lineFor(TestBoot.INSTALLED_CFG))
                .endsWith(" source=rendered template=pxelinux/localboot host=db01.example.com");
    }

    @Test
    void staticFileLineHasNoTemplate() throws Exception {
        file("pxelinux.0", 700);
        start();
        assertThat(lineFor("pxelinux.0")).endsWith(" source=static").doesNotContain("template=");
    }
}
