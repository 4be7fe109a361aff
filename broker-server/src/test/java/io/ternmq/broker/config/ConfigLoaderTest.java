package io.ternmq.broker.config;

import io.ternmq.broker.store.FlushDiskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsSet() {
        BrokerConfig config = ConfigLoader.load(null, Map.of());
        assertEquals(10911, config.get(BrokerConfigKeys.LISTEN_PORT));
        assertEquals(16 * 1024 * 1024, config.get(BrokerConfigKeys.MAX_FRAME_SIZE));
        assertEquals(FlushDiskType.ASYNC_FLUSH, config.get(BrokerConfigKeys.FLUSH_DISK_TYPE));
        assertEquals(BrokerRole.ASYNC_MASTER, config.get(BrokerConfigKeys.BROKER_ROLE));
    }

    @Test
    void fileValuesAreReadAndOverridesWin() throws Exception {
        Path conf = dir.resolve("broker.conf");
        Files.writeString(conf, "# comment\nbrokerName = b1\nlistenPort=10000\nflushDiskType=SYNC_FLUSH\n");
        BrokerConfig config = ConfigLoader.load(conf, Map.of("listenPort", "10001"));
        assertEquals("b1", config.get(BrokerConfigKeys.BROKER_NAME));
        assertEquals(10001, config.get(BrokerConfigKeys.LISTEN_PORT));
        assertEquals(FlushDiskType.SYNC_FLUSH, config.get(BrokerConfigKeys.FLUSH_DISK_TYPE));
    }

    @Test
    void everyProblemIsListedWithKeyValueAndWhatIsAllowed() throws Exception {
        Path conf = dir.resolve("broker.conf");
        Files.writeString(conf, "listenPort=70000\nflushDiskType=SOMETIMES\nautoCreateTopicEnable=yes\n"
                + "brokerRole=SLAVE\nnoSuchKey=1\nlistenport=1\ndeleteWhen=25\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(conf, Map.of()));
        List<String> errors = e.errors();
        assertEquals(7, errors.size(), errors.toString());
        assertContains(errors, "listenPort='70000'", "from 0 to 65535");
        assertContains(errors, "flushDiskType='SOMETIMES'", "ASYNC_FLUSH or SYNC_FLUSH");
        assertContains(errors, "autoCreateTopicEnable='yes'", "true or false");
        assertContains(errors, "brokerRole='SLAVE'", "replication is not implemented yet");
        assertContains(errors, "unknown key 'noSuchKey'", "");
        assertContains(errors, "unknown key 'listenport'", "did you mean 'listenPort'");
        assertContains(errors, "deleteWhen='25'", "0-23");
    }

    @Test
    void crossKeyRulesAreChecked() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(Map.of(
                "maxFrameSize", "1048576", "maxMessageSize", "1048576",
                "diskMaxUsedSpaceRatio", "95", "diskSpaceWarningLevelRatio", "90",
                "longPollingMaxWaitMs", "200000", "clientChannelMaxIdleSeconds", "60")));
        assertEquals(3, e.errors().size(), e.errors().toString());
    }

    @Test
    void kafkaAdapterCrossKeyRulesAreChecked() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(Map.of(
                "kafkaSaslMechanisms", "PLAIN,SCRAM-SHA-256",
                "kafkaGroupMinSessionTimeoutMs", "7000", "kafkaGroupMaxSessionTimeoutMs", "6000",
                "kafkaFetchMaxWaitCapMs", "60000", "kafkaConnectionsMaxIdleMs", "60000")));
        assertEquals(3, e.errors().size(), e.errors().toString());
        assertTrue(e.errors().get(0).contains("kafkaSaslUsersFile"), e.errors().get(0));
    }

    @Test
    void kafkaSaslMechanismsAcceptsOnlyKnownNames() {
        assertEquals("PLAIN, SCRAM-SHA-512", ConfigLoader.fromMap(Map.of("kafkaSaslMechanisms", "PLAIN, SCRAM-SHA-512",
                "kafkaSaslUsersFile", "/etc/users")).get(BrokerConfigKeys.KAFKA_SASL_MECHANISMS));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(Map.of(
                "kafkaSaslMechanisms", "GSSAPI", "kafkaSaslUsersFile", "/etc/users")));
        assertTrue(e.errors().get(0).startsWith("kafkaSaslMechanisms='GSSAPI'"), e.errors().get(0));
    }

    @Test
    void missingFileIsReported() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(dir.resolve("absent.conf"), Map.of()));
        assertTrue(e.errors().get(0).contains("does not exist"));
    }

    @Test
    void launcherArgumentsAcceptFileAndBothOverrideForms() throws Exception {
        Path conf = dir.resolve("b.conf");
        Files.writeString(conf, "brokerName=fromFile\n");
        BrokerConfig config = ConfigLoader.parseArguments("-c", conf.toString(), "-p", "listenPort=1234",
                "--brokerName=fromArgs").load();
        assertEquals(1234, config.get(BrokerConfigKeys.LISTEN_PORT));
        assertEquals("fromArgs", config.get(BrokerConfigKeys.BROKER_NAME));
        assertEquals(conf, ConfigLoader.parseArguments("--config=" + conf).confFile());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parseArguments("-x", "-p",
                "novalue"));
        assertEquals(2, e.errors().size(), e.errors().toString());
    }

    @Test
    void storePathExpandsHome() {
        String home = System.getProperty("user.home");
        assertEquals(Path.of(home, "store"), BrokerConfig.defaults().storePathRootDir());
        assertEquals(Path.of(home, "x"), ConfigLoader.fromMap(Map.of("storePathRootDir", "~/x")).storePathRootDir());
    }

    private static void assertContains(List<String> errors, String first, String second) {
        assertTrue(errors.stream().anyMatch(e -> e.contains(first) && e.contains(second)),
                "no error with '" + first + "' and '" + second + "' in " + errors);
    }
}
