package io.ternmq.sample.order.orders;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The order failed a business check after it was written: thrown inside the create transaction, it rolls back the
 * row and the transactional OrderCreated message together. Answered 422 with the id the order would have had, so
 * one can check that neither the row nor the message exists.
 */
public class OrderRejectedException extends ErrorResponseException {
    private static final HttpStatusCode UNPROCESSABLE = HttpStatusCode.valueOf(422);

    public OrderRejectedException(String orderId, String detail) {
        super(UNPROCESSABLE, problem(orderId, detail), null);
    }

    private static ProblemDetail problem(String orderId, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(UNPROCESSABLE, detail);
        problem.setProperty("orderId", orderId);
        return problem;
    }
}
