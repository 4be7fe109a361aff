package io.ternmq.sample.order.embeddeddb;

import io.ternmq.sample.order.OrderAppProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the sample on an embedded MariaDB when no {@code spring.datasource.url} is configured. It only says where the
 * database is (a {@link JdbcConnectionDetails} bean, the hook Boot's Docker Compose and Testcontainers support use
 * too), so Boot still builds the Hikari pool with every {@code spring.datasource.hikari.*} setting.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedMariaDbConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDbConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(OrderAppProperties properties) {
        OrderAppProperties.EmbeddedDb settings = properties.embeddedDb();
        log.info("no spring.datasource.url: starting an embedded MariaDB on {}", settings.dataDir().toAbsolutePath());
        EmbeddedMariaDb db = EmbeddedMariaDb.start(settings.dataDir(), settings.port());
        log.info("embedded MariaDB ready: {} (user root, no password)", db.jdbcUrl(settings.database()));
        return db;
    }

    @Bean
    JdbcConnectionDetails embeddedMariaDbConnection(EmbeddedMariaDb db, OrderAppProperties properties) {
        String url = db.jdbcUrl(properties.embeddedDb().database());
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "root";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }
}
