-- Starting stock; existing rows are left alone. Any other sku is unknown to the inventory: an order for one fails in
-- the inventory listener and ends in %DLQ%inventory (the poison-message demo).
INSERT IGNORE INTO stock (sku, available) VALUES ('book', 1000), ('pen', 5000), ('lamp', 200), ('mug', 300);
