package io.ternmq.sample.order.inventory;

import io.ternmq.sample.order.orders.Order;
import io.ternmq.sample.order.orders.OrderHistoryMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Holds and gives back stock. Both run inside the caller's transaction (a listener's), never on their own. */
@Service
public class InventoryService {
    private final StockMapper stock;
    private final ReservationMapper reservations;
    private final OrderHistoryMapper history;

    public InventoryService(StockMapper stock, ReservationMapper reservations, OrderHistoryMapper history) {
        this.stock = stock;
        this.reservations = reservations;
        this.history = history;
    }

    /**
     * Reserves the order's quantity of its sku.
     *
     * @return false when there is not enough stock (nothing changed)
     * @throws UnknownSkuException when the sku has no stock record at all
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean reserve(Order order) {
        Stock current = stock.lockBySku(order.sku());
        if (current == null) {
            throw new UnknownSkuException(order.id(), order.sku());
        }
        if (current.available() < order.quantity()) {
            history.add(order.id(), "out of stock: " + order.quantity() + " x " + order.sku() + " ordered, "
                    + current.available() + " available");
            return false;
        }
        stock.reserve(order.sku(), order.quantity());
        reservations.insert(order.id(), order.sku(), order.quantity());
        history.add(order.id(), "stock reserved: " + order.quantity() + " x " + order.sku());
        return true;
    }

    /** Gives back what the order holds, if it holds anything. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String orderId) {
        Reservation held = reservations.findByOrder(orderId);
        if (held != null && reservations.release(orderId) == 1) {
            stock.release(held.sku(), held.quantity());
            history.add(orderId, "stock released: " + held.quantity() + " x " + held.sku());
        }
    }
}
