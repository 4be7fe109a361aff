package io.ternmq.sample.order.orders;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request the API cannot accept as it is: answered 400 with a problem detail naming the field. */
public class InvalidOrderException extends ErrorResponseException {
    public InvalidOrderException(String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
