package io.ternmq.outbox.relay;

import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.LocalDateTime;
import java.util.List;

/**
 * MyBatis statements of {@code mq_outbox}, used by {@link OutboxWriter} and {@link OutboxRelay}. Public so that an
 * application can register it in its own MyBatis configuration ({@link io.ternmq.outbox.OutboxMappers}); times are
 * UTC ({@link io.ternmq.outbox.UtcTime}) and always passed in, never {@code NOW()}.
 */
public interface OutboxMapper {
    /** Inserts a PENDING row due at once and sets {@link OutboxInsert#getId()}. */
    @Insert("INSERT INTO mq_outbox (topic, tags, msg_keys, hash_key, properties, body, delay_level, deliver_at_ms, "
            + "status, attempts, next_attempt_at, created_at) VALUES (#{topic}, #{tags}, #{msgKeys}, #{hashKey}, "
            + "#{properties}, #{body}, #{delayLevel}, #{deliverAtMs}, 'PENDING', 0, #{createdAt}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(OutboxInsert row);

    /**
     * Locks up to {@code limit} PENDING rows due at {@code now}, oldest first, skipping rows another relay has
     * locked. Meant for a READ COMMITTED transaction ({@link #readCommittedForNextTransaction}): under REPEATABLE
     * READ the scan would also lock the gap after the last PENDING row and block every writer's insert until the
     * relay commits.
     */
    @Select("SELECT id, topic, tags, msg_keys, hash_key, properties, body, delay_level, deliver_at_ms, attempts "
            + "FROM mq_outbox WHERE status = 'PENDING' AND next_attempt_at <= #{now} "
            + "ORDER BY id LIMIT #{limit} FOR UPDATE SKIP LOCKED")
    @ConstructorArgs({
            @Arg(column = "id", javaType = long.class),
            @Arg(column = "topic", javaType = String.class),
            @Arg(column = "tags", javaType = String.class),
            @Arg(column = "msg_keys", javaType = String.class),
            @Arg(column = "hash_key", javaType = String.class),
            @Arg(column = "properties", javaType = String.class),
            @Arg(column = "body", javaType = byte[].class),
            @Arg(column = "delay_level", javaType = int.class),
            @Arg(column = "deliver_at_ms", javaType = Long.class),
            @Arg(column = "attempts", javaType = int.class)})
    @Options(flushCache = Options.FlushCachePolicy.TRUE, useCache = false)
    List<OutboxRow> lockDue(@Param("now") LocalDateTime now, @Param("limit") int limit);

    /**
     * The id of a row of {@code hashKey} before {@code id} that is not sent yet (PENDING or FAILED), or null: such a
     * row holds {@code id} back, so one key's rows go out in id order.
     */
    @Select("SELECT id FROM mq_outbox WHERE hash_key = #{hashKey} AND status IN ('PENDING', 'FAILED') "
            + "AND id < #{id} LIMIT 1")
    @Options(flushCache = Options.FlushCachePolicy.TRUE, useCache = false)
    Long earlierUnsent(@Param("hashKey") String hashKey, @Param("id") long id);

    /** Marks a row SENT after the broker acknowledged it. */
    @Update("UPDATE mq_outbox SET status = 'SENT', msg_id = #{msgId}, sent_at = #{sentAt}, last_error = NULL "
            + "WHERE id = #{id}")
    int markSent(@Param("id") long id, @Param("msgId") String msgId, @Param("sentAt") LocalDateTime sentAt);

    /** Records a failed attempt: PENDING with a later {@code next_attempt_at}, or FAILED after the last attempt. */
    @Update("UPDATE mq_outbox SET status = #{status}, attempts = #{attempts}, next_attempt_at = #{nextAttemptAt}, "
            + "last_error = #{lastError} WHERE id = #{id}")
    int markAttemptFailed(@Param("id") long id, @Param("status") String status, @Param("attempts") int attempts,
                          @Param("nextAttemptAt") LocalDateTime nextAttemptAt, @Param("lastError") String lastError);

    /** Deletes up to {@code limit} SENT rows sent before {@code cutoff}. */
    @Delete("DELETE FROM mq_outbox WHERE status = 'SENT' AND sent_at < #{cutoff} LIMIT #{limit}")
    int deleteSentBefore(@Param("cutoff") LocalDateTime cutoff, @Param("limit") int limit);

    /**
     * Makes the transaction about to begin READ COMMITTED. Must be the first statement of that transaction (MySQL
     * rejects it inside one); it does not change the connection's level for later transactions.
     */
    @Update("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
    void readCommittedForNextTransaction();
}
