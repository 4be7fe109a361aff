package io.ternmq.sample.order.inventory;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.util.List;

/** Table {@code stock}. */
@Mapper
public interface StockMapper {

    @Select("SELECT sku, available, reserved FROM stock ORDER BY sku")
    List<Stock> findAll();

    @Select("SELECT sku, available, reserved FROM stock WHERE sku = #{sku}")
    Stock findBySku(String sku);

    /** Reads and locks the row: concurrent reservations of one sku take turns. */
    @Select("SELECT sku, available, reserved FROM stock WHERE sku = #{sku} FOR UPDATE")
    Stock lockBySku(String sku);

    @Update("UPDATE stock SET available = available - #{quantity}, reserved = reserved + #{quantity} "
            + "WHERE sku = #{sku}")
    void reserve(@Param("sku") String sku, @Param("quantity") int quantity);

    @Update("UPDATE stock SET available = available + #{quantity}, reserved = reserved - #{quantity} "
            + "WHERE sku = #{sku}")
    void release(@Param("sku") String sku, @Param("quantity") int quantity);

    /** Creates the sku or sets what is available. */
    @Insert("INSERT INTO stock (sku, available) VALUES (#{sku}, #{available}) "
            + "ON DUPLICATE KEY UPDATE available = VALUES(available)")
    void upsert(@Param("sku") String sku, @Param("available") int available);
}
