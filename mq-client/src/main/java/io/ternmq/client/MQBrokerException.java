package io.ternmq.client;

import io.ternmq.protocol.ErrorCode;

/** The broker processed the request and answered with an error status. */
public class MQBrokerException extends MQClientException {
    public MQBrokerException(ErrorCode errorCode, String message) {
        super(errorCode, errorCode.name() + ": " + message);
    }

    @Override
    public boolean retriable() {
        return errorCode().retriable();
    }
}
