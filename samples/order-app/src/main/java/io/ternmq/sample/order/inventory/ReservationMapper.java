package io.ternmq.sample.order.inventory;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Table {@code stock_reservations}, one row per order at most (its primary key is the order id). */
@Mapper
public interface ReservationMapper {

    @Insert("INSERT INTO stock_reservations (order_id, sku, quantity, status) "
            + "VALUES (#{orderId}, #{sku}, #{quantity}, 'RESERVED')")
    void insert(@Param("orderId") String orderId, @Param("sku") String sku, @Param("quantity") int quantity);

    @Select("SELECT order_id, sku, quantity, status, created_at FROM stock_reservations WHERE order_id = #{orderId}")
    Reservation findByOrder(String orderId);

    /** Marks a held reservation released; 0 when there is none to release. */
    @Update("UPDATE stock_reservations SET status = 'RELEASED' WHERE order_id = #{orderId} AND status = 'RESERVED'")
    int release(String orderId);
}
