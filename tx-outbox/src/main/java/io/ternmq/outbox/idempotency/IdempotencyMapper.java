package io.ternmq.outbox.idempotency;

import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.LocalDateTime;

/**
 * MyBatis statements of {@code mq_idempotency}, used by {@link IdempotencyStore}. Public so that an application can
 * register it in its own MyBatis configuration ({@link io.ternmq.outbox.OutboxMappers}); times are UTC
 * ({@link io.ternmq.outbox.UtcTime}) and always passed in, never {@code NOW()}.
 */
public interface IdempotencyMapper {
    /** Inserts the row unless (group, key) exists; 1 when inserted, 0 when it existed. */
    @Insert("INSERT IGNORE INTO mq_idempotency (consumer_group, idem_key, status, holder_token, lease_until, "
            + "created_at, updated_at) VALUES (#{group}, #{key}, #{status}, #{token}, #{leaseUntil}, #{now}, #{now})")
    int insertIgnore(@Param("group") String group, @Param("key") String key, @Param("status") String status,
                     @Param("token") String token, @Param("leaseUntil") LocalDateTime leaseUntil,
                     @Param("now") LocalDateTime now);

    /** The row of (group, key), or null. */
    @Select("SELECT status, holder_token, lease_until FROM mq_idempotency "
            + "WHERE consumer_group = #{group} AND idem_key = #{key}")
    @ConstructorArgs({
            @Arg(column = "status", javaType = String.class),
            @Arg(column = "holder_token", javaType = String.class),
            @Arg(column = "lease_until", javaType = LocalDateTime.class)})
    @Options(flushCache = Options.FlushCachePolicy.TRUE, useCache = false)
    IdempotencyRow find(@Param("group") String group, @Param("key") String key);

    /**
     * Gives an expired PROCESSING claim held by {@code oldToken} to {@code newToken}; 1 when taken over, 0 when
     * the row changed in between (another consumer took it, or its holder completed or released it).
     */
    @Update("UPDATE mq_idempotency SET holder_token = #{newToken}, lease_until = #{leaseUntil}, updated_at = #{now} "
            + "WHERE consumer_group = #{group} AND idem_key = #{key} AND status = 'PROCESSING' "
            + "AND holder_token = #{oldToken} AND lease_until < #{now}")
    int takeOver(@Param("group") String group, @Param("key") String key, @Param("oldToken") String oldToken,
                 @Param("newToken") String newToken, @Param("leaseUntil") LocalDateTime leaseUntil,
                 @Param("now") LocalDateTime now);

    /** Marks the PROCESSING claim of {@code token} DONE; 0 when the token no longer holds the key. */
    @Update("UPDATE mq_idempotency SET status = 'DONE', lease_until = NULL, updated_at = #{now} "
            + "WHERE consumer_group = #{group} AND idem_key = #{key} AND status = 'PROCESSING' "
            + "AND holder_token = #{token}")
    int complete(@Param("group") String group, @Param("key") String key, @Param("token") String token,
                 @Param("now") LocalDateTime now);

    /** Deletes the PROCESSING claim of {@code token}; 0 when the token no longer holds the key. */
    @Delete("DELETE FROM mq_idempotency WHERE consumer_group = #{group} AND idem_key = #{key} "
            + "AND status = 'PROCESSING' AND holder_token = #{token}")
    int release(@Param("group") String group, @Param("key") String key, @Param("token") String token);

    /** Deletes up to {@code limit} DONE rows last updated before {@code cutoff}. */
    @Delete("DELETE FROM mq_idempotency WHERE status = 'DONE' AND updated_at < #{cutoff} LIMIT #{limit}")
    int deleteDoneBefore(@Param("cutoff") LocalDateTime cutoff, @Param("limit") int limit);
}
