package io.ternmq.outbox.txlog;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDateTime;

/**
 * MyBatis statements of {@code mq_tx_log}, used by {@link TransactionLog}. Public so that an application can register
 * it in its own MyBatis configuration ({@link io.ternmq.outbox.OutboxMappers}); times are UTC
 * ({@link io.ternmq.outbox.UtcTime}).
 */
public interface TxLogMapper {
    @Insert("INSERT INTO mq_tx_log (transaction_id, producer_group, topic, created_at) "
            + "VALUES (#{transactionId}, #{producerGroup}, #{topic}, #{createdAt})")
    int insert(@Param("transactionId") String transactionId, @Param("producerGroup") String producerGroup,
               @Param("topic") String topic, @Param("createdAt") LocalDateTime createdAt);

    /** 1 when the row exists, else 0. Never served from MyBatis' session cache: a check-back needs the database. */
    @Select("SELECT COUNT(*) FROM mq_tx_log WHERE transaction_id = #{transactionId}")
    @Options(flushCache = Options.FlushCachePolicy.TRUE, useCache = false)
    int count(@Param("transactionId") String transactionId);

    /** Deletes up to {@code limit} rows created before {@code cutoff}. */
    @Delete("DELETE FROM mq_tx_log WHERE created_at < #{cutoff} LIMIT #{limit}")
    int deleteCreatedBefore(@Param("cutoff") LocalDateTime cutoff, @Param("limit") int limit);
}
