package io.ternmq.sample.order.orders;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.List;

/** Table {@code order_history}: one line per thing that happened to an order, written by whoever did it. */
@Mapper
public interface OrderHistoryMapper {

    /** One line of an order's history. */
    record Entry(Instant at, String entry) {
    }

    @Insert("INSERT INTO order_history (order_id, entry) VALUES (#{orderId}, #{entry})")
    void add(@Param("orderId") String orderId, @Param("entry") String entry);

    @Select("SELECT created_at AS at, entry FROM order_history WHERE order_id = #{orderId} ORDER BY id")
    List<Entry> findByOrder(String orderId);
}
