package io.ternmq.sample.order.inventory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** {@code GET /stock}, and {@code PUT /stock/{sku}} to add a sku (the fix for a poison order) or restock one. */
@RestController
@RequestMapping("/stock")
public class StockController {
    private final StockMapper stock;

    public StockController(StockMapper stock) {
        this.stock = stock;
    }

    /** The body of {@code PUT /stock/{sku}}. */
    public record StockLevel(int available) {
    }

    @GetMapping
    public List<Stock> all() {
        return stock.findAll();
    }

    @PutMapping("/{sku}")
    public Stock put(@PathVariable String sku, @RequestBody StockLevel level) {
        if (level.available() < 0 || sku.length() > 64) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "available must be 0 or more and the sku at most 64 characters");
        }
        stock.upsert(sku, level.available());
        return stock.findBySku(sku);
    }
}
