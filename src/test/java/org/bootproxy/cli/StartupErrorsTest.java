package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import org.bootproxy.config.ConfigException;
import org.bootproxy.inventory.file.HostsDirectoryMissing;
import org.junit.jupiter.api.Test;

/**
 * Only the failures an adapter reports about its settings are "configuration errors"; a bug while wiring is
 * not (before, any IllegalArgumentException or RuntimeException there was reported as one).
 */
class StartupErrorsTest {

    @Test
    void settingAnAdapterRefusesIsAConfigurationError() {
        assertThatThrownBy(() -> StartupErrors.asConfigError(() -> {
            throw new HostsDirectoryMissing(Path.of("nope"));
        })).isInstanceOf(ConfigException.class).hasMessageContaining("hosts directory nope");
    }

    @Test
    void bugWhileBuildingAnAdapterIsNotPassedOffAsAConfigurationError() {
        assertThatThrownBy(() -> StartupErrors.asConfigError(() -> {
            throw new IllegalArgumentException("bug");
        })).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StartupErrors.asConfigError(() -> {
            throw new IllegalStateException("bug");
        })).isExactlyInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyAFailureToBindIsReportedAsCannotListen() {
        assertThat(ServeCommand.cannotListen(new RuntimeException(new BindException("Address already in use")))).isTrue();
        assertThat(ServeCommand.cannotListen(new RuntimeException(new IOException("Cannot assign requested address")))).isTrue();
        assertThat(ServeCommand.cannotListen(new IllegalStateException("bug"))).isFalse();
        assertThat(ServeCommand.cannotListen(new RuntimeException(new NullPointerException()))).isFalse();
    }
}
