package io.ternmq.sample.order.orders;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.math.BigDecimal;

/** Table {@code orders}. The conditional updates return 0 when the order is not in the state they expect. */
@Mapper
public interface OrderMapper {

    String COLUMNS = "id, customer, sku, quantity, amount, pay_later, status, paid_at, created_at";

    @Insert("INSERT INTO orders (" + COLUMNS + ") VALUES (#{id}, #{customer}, #{sku}, #{quantity}, #{amount}, "
            + "#{payLater}, #{status}, #{paidAt}, #{createdAt})")
    void insert(Order order);

    @Select("SELECT " + COLUMNS + " FROM orders WHERE id = #{id}")
    Order findById(String id);

    /** Reads and locks the row until the transaction ends, so reservation and cancellation take turns. */
    @Select("SELECT " + COLUMNS + " FROM orders WHERE id = #{id} FOR UPDATE")
    Order lockById(String id);

    /** What the customer owes on orders that are neither finished nor given up. */
    @Select("SELECT COALESCE(SUM(amount), 0) FROM orders WHERE customer = #{customer} "
            + "AND status IN ('CREATED', 'RESERVED', 'PAID', 'SHIPPED')")
    BigDecimal openAmount(String customer);

    @Update("UPDATE orders SET status = #{to} WHERE id = #{id} AND status = #{from}")
    int transition(@Param("id") String id, @Param("from") OrderStatus from, @Param("to") OrderStatus to);

    /** Status set by the ordered steps; a cancelled order keeps its status. */
    @Update("UPDATE orders SET status = #{status} WHERE id = #{id} AND status <> 'CANCELLED'")
    int advance(@Param("id") String id, @Param("status") OrderStatus status);

    /** Pays a reserved, unpaid order. */
    @Update("UPDATE orders SET paid_at = CURRENT_TIMESTAMP(3) WHERE id = #{id} AND status = 'RESERVED' "
            + "AND paid_at IS NULL")
    int markPaid(String id);

    /** Cancels an order nobody paid for, unless it already ended. */
    @Update("UPDATE orders SET status = 'CANCELLED' WHERE id = #{id} AND paid_at IS NULL "
            + "AND status IN ('CREATED', 'RESERVED')")
    int cancelUnpaid(String id);
}
