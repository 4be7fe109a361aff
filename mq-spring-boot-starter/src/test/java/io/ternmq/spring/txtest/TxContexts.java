package io.ternmq.spring.txtest;

import io.ternmq.spring.autoconfigure.MQAutoConfiguration;
import io.ternmq.spring.autoconfigure.MQTransactionAutoConfiguration;
import io.ternmq.test.db.TestDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Application contexts as a Spring Boot application with the starter gets them: Boot's DataSource, its transaction
 * manager and {@code @Transactional} support, then the starter. The DataSource is Boot's own, from
 * {@code spring.datasource.*}; its type is Spring's unpooled {@link SimpleDriverDataSource} because no connection
 * pool is on the test class path.
 */
public final class TxContexts {
    private TxContexts() {
    }

    /** Auto-configurations of Boot's JDBC/transaction support and the starter, in the order Boot sorts them. */
    public static AutoConfigurations autoConfigurations() {
        return AutoConfigurations.of(DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                MQAutoConfiguration.class, MQTransactionAutoConfiguration.class);
    }

    /** {@code spring.datasource.*} for {@code db}, unpooled. */
    public static String[] dataSourceProperties(TestDatabase db) {
        String[] spring = db.springProperties();
        String[] all = java.util.Arrays.copyOf(spring, spring.length + 1);
        all[spring.length] = "spring.datasource.type=" + SimpleDriverDataSource.class.getName();
        return all;
    }

    /** A runner on {@code db} and the broker at {@code brokerAddress}. */
    public static ApplicationContextRunner runner(TestDatabase db, String brokerAddress) {
        return new ApplicationContextRunner().withConfiguration(autoConfigurations())
                .withPropertyValues(dataSourceProperties(db)).withPropertyValues("mq.broker-address=" + brokerAddress);
    }
}
