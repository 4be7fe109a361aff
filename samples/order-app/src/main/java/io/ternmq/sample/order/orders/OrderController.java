package io.ternmq.sample.order.orders;

import io.ternmq.sample.order.fulfilment.OrderStepMapper;
import io.ternmq.sample.order.inventory.ReservationMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The REST API: {@code POST /orders} places an order, {@code GET /orders/{id}} shows it, {@code POST
 * /orders/{id}/pay} pays a pay-later one. Errors come back as RFC 9457 problem details.
 */
@RestController
@RequestMapping("/orders")
public class OrderController {
    private final OrderService service;
    private final OrderMapper orders;
    private final ReservationMapper reservations;
    private final OrderStepMapper steps;
    private final OrderHistoryMapper history;

    public OrderController(OrderService service, OrderMapper orders, ReservationMapper reservations,
                           OrderStepMapper steps, OrderHistoryMapper history) {
        this.service = service;
        this.orders = orders;
        this.reservations = reservations;
        this.steps = steps;
        this.history = history;
    }

    @PostMapping
    public ResponseEntity<Order> create(@RequestBody NewOrder request) {
        Order order = service.create(request);
        return ResponseEntity.created(URI.create("/orders/" + order.id())).body(order);
    }

    @GetMapping("/{id}")
    public OrderView get(@PathVariable String id) {
        Order order = orders.findById(id);
        if (order == null) {
            throw new OrderNotFoundException(id);
        }
        return new OrderView(order, reservations.findByOrder(id), steps.findByOrder(id), history.findByOrder(id));
    }

    @PostMapping("/{id}/pay")
    public Order pay(@PathVariable String id) {
        return service.pay(id);
    }
}
