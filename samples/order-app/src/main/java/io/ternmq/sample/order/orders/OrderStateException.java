package io.ternmq.sample.order.orders;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The order is not in a state that allows the request (paying a cancelled order): answered 409. */
public class OrderStateException extends ErrorResponseException {
    public OrderStateException(Order order, String detail) {
        super(HttpStatus.CONFLICT, problem(order, detail), null);
    }

    private static ProblemDetail problem(Order order, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setProperty("orderId", order.id());
        problem.setProperty("orderStatus", order.status());
        return problem;
    }
}
