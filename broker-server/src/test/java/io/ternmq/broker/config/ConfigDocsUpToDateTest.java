package io.ternmq.broker.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fails when docs/configuration.md or distribution/conf/broker.conf no longer match BrokerConfigKeys. */
class ConfigDocsUpToDateTest {
    /** Tests run in broker-server/; the files live at the repository root. */
    private static final Path ROOT = Path.of("..");

    @Test
    void configurationReferenceMatchesTheKeyDefinitions() throws Exception {
        assertUpToDate(ConfigDocRenderer.DOCS, ConfigDocRenderer.markdown());
    }

    @Test
    void sampleBrokerConfMatchesTheKeyDefinitions() throws Exception {
        assertUpToDate(ConfigDocRenderer.BROKER_CONF, ConfigDocRenderer.brokerConf());
    }

    @Test
    void sampleBrokerConfLoadsAsIs() {
        BrokerConfig config = ConfigLoader.load(ROOT.resolve(ConfigDocRenderer.BROKER_CONF), java.util.Map.of());
        assertEquals(BrokerConfig.defaults().asText(), config.asText());
    }

    private static void assertUpToDate(Path relative, String expected) throws Exception {
        Path file = ROOT.resolve(relative);
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "<missing>";
        assertEquals(expected, actual, relative + " is out of date with BrokerConfigKeys; regenerate it from the "
                + "repository root with:\n  " + ConfigDocRenderer.REGENERATE_COMMAND + "\n");
    }
}
