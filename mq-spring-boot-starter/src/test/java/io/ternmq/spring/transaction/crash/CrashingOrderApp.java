package io.ternmq.spring.transaction.crash;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.ternmq.spring.autoconfigure.MQAutoConfiguration;
import io.ternmq.spring.autoconfigure.MQTransactionAutoConfiguration;
import io.ternmq.spring.transaction.TransactionalSender;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The producer process of {@link TransactionalSendCrashTest}: a Spring Boot application with the starter that places
 * a few orders normally (every other one declined, so rolled back), then places {@value #IN_FLIGHT} orders at once and
 * halts at the crash point {@code -Dcrash.point} (a {@link CrashPoint} name) while they are there.
 *
 * <p>System properties: {@code crash.point}, {@code crash.topic}, {@code crash.prefix} (order keys are
 * {@code <prefix>-n<i>} for the normal ones and {@code <prefix>-c<i>} for the in-flight ones), the usual
 * {@code spring.datasource.url/username/password} and {@code mq.*} settings.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
        MQAutoConfiguration.class, MQTransactionAutoConfiguration.class})
public class CrashingOrderApp {
    static final int NORMAL = 4;
    static final int IN_FLIGHT = 3;

    @Bean
    DataSource dataSource(Environment env) {
        MysqlDataSource target = new MysqlDataSource();
        target.setUrl(env.getRequiredProperty("spring.datasource.url"));
        target.setUser(env.getRequiredProperty("spring.datasource.username"));
        target.setPassword(env.getProperty("spring.datasource.password", ""));
        return new CrashingDataSource(target);
    }

    @Bean
    CrashingOrders crashingOrders(DataSource dataSource, TransactionalSender sender) {
        return new CrashingOrders(dataSource, sender);
    }

    public static void main(String[] args) throws Exception {
        CrashPoint point = CrashPoint.valueOf(System.getProperty("crash.point"));
        String topic = System.getProperty("crash.topic");
        String prefix = System.getProperty("crash.prefix");
        SpringApplication application = new SpringApplication(CrashingOrderApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        ConfigurableApplicationContext context = application.run(args);
        CrashingOrders orders = context.getBean(CrashingOrders.class);
        for (int i = 0; i < NORMAL; i++) {
            try {
                orders.place(topic, prefix + "-n" + i, i % 2 == 1);
            } catch (IllegalStateException declined) {
                // rolled back, as intended
            }
        }
        CrashPoint.arm(point, IN_FLIGHT);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            String key = prefix + "-c" + i;
            Thread t = new Thread(() -> orders.place(topic, key, false), "order-" + key);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        System.err.println("crash point " + point + " was never reached");
        System.exit(1);
    }
}
