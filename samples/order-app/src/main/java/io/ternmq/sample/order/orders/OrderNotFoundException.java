package io.ternmq.sample.order.orders;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No order with that id: answered 404. */
public class OrderNotFoundException extends ErrorResponseException {
    public OrderNotFoundException(String orderId) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no order " + orderId),
                null);
    }
}
