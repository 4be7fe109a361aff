package io.ternmq.sample.order.fulfilment;

import io.ternmq.sample.order.messaging.OrderStep;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

/** Table {@code order_steps}; rows are numbered in the order they were consumed. */
@Mapper
public interface OrderStepMapper {

    @Insert("INSERT INTO order_steps (order_id, step, queue_id, queue_offset) "
            + "VALUES (#{orderId}, #{step}, #{queueId}, #{queueOffset})")
    void insert(@Param("orderId") String orderId, @Param("step") OrderStep.Step step, @Param("queueId") int queueId,
                @Param("queueOffset") long queueOffset);

    @Select("SELECT id, order_id, step, queue_id, queue_offset, consumed_at FROM order_steps "
            + "WHERE order_id = #{orderId} ORDER BY id")
    List<StepRecord> findByOrder(String orderId);
}
